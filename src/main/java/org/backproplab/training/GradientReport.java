package org.backproplab.training;

import org.backproplab.engine.BackpropFault;
import org.backproplab.engine.GradientCheck;

/**
 * The last gradient check: which training sample it used, which mistake (if any) the analytic
 * gradients were computed with, when it ran, and every parameter's comparison. It describes the
 * weights as they were then; training on afterwards does not change it.
 *
 * @param sample the training point's index (from 0)
 * @param fault  {@link BackpropFault#NONE} for the real backpropagation
 * @param epoch  completed epochs when the check ran
 * @param steps  completed training steps when the check ran: once the trainer has taken more, the
 *               weights checked are no longer the weights on show
 * @param result analytic against numeric derivative, per weight and bias
 */
public record GradientReport(int sample, BackpropFault fault, long epoch, long steps, GradientCheck.Result result) {
}
