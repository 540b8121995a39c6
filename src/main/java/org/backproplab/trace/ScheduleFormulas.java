package org.backproplab.trace;

import static org.backproplab.trace.Tokens.applied;
import static org.backproplab.trace.Tokens.concat;
import static org.backproplab.trace.Tokens.value;

import java.util.List;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Symbol;

/**
 * The η a step used, worked out from the lesson's η₀ and the epoch e by the learning-rate schedule,
 * e.g. η = η₀·γ^⌊e/k⌋ = 0.1·0.5^⌊250/100⌋ = 0.025. A constant schedule needs no formula: η is the
 * lesson's η.
 */
final class ScheduleFormulas {

    private static final Symbol ETA = new Symbol("η");
    private static final Symbol INITIAL = new Symbol("η", "0", "");
    private static final Symbol EPOCH = new Symbol("e");
    private static final Symbol FACTOR = new Symbol("γ");
    private static final Symbol EVERY = new Symbol("k");
    private static final Symbol EPOCHS = new Symbol("E");
    private static final Symbol MINIMUM = new Symbol("η", "min", "");
    private static final Symbol PI = new Symbol("π");

    private ScheduleFormulas() {
    }

    /** The schedule's formula for this step, or nothing when η is constant. */
    static List<Formula> of(StepTrace trace) {
        List<MathToken> result = Tokens.of(value(trace.learningRate()));
        return switch (trace.schedule()) {
            case ScheduledRate.Constant _ -> List.of();
            case ScheduledRate.Step(double initial, long epoch, long every, double factor) -> formula(
                    decayed(INITIAL, FACTOR, floorOf(EPOCH, EVERY)),
                    decayed(value(initial), value(factor), floorOf(value(epoch), value(every))), result);
            case ScheduledRate.Exponential(double initial, long epoch, double factor) -> formula(
                    decayed(INITIAL, FACTOR, Tokens.of(EPOCH)),
                    decayed(value(initial), value(factor), Tokens.of(value(epoch))), result);
            case ScheduledRate.Cosine(double initial, long epoch, long epochs, double minimum) -> formula(
                    cosine(MINIMUM, INITIAL, applied("min", concat(Tokens.of(EPOCH, Operator.COMMA, EPOCHS))), EPOCHS),
                    cosine(value(minimum), value(initial),
                            applied("min", Tokens.of(value(epoch), Operator.COMMA, value(epochs))), value(epochs)),
                    result);
        };
    }

    private static List<Formula> formula(List<MathToken> symbols, List<MathToken> numbers, List<MathToken> result) {
        return List.of(Formula.equation(Caption.SCHEDULED_RATE, List.of(Tokens.of(ETA), symbols, numbers, result)));
    }

    /** η₀·γ^(exponent) */
    private static List<MathToken> decayed(MathToken initial, MathToken factor, List<MathToken> exponent) {
        return Tokens.of(initial, Operator.TIMES, new Power(Tokens.of(factor), exponent));
    }

    /** ⌊e/k⌋ */
    private static List<MathToken> floorOf(MathToken epoch, MathToken every) {
        return Tokens.of(Operator.FLOOR_OPEN, epoch, Operator.SLASH, every, Operator.FLOOR_CLOSE);
    }

    /** m + (η₀ − m)·(1 + cos(π·min(e, E)/E))/2 */
    private static List<MathToken> cosine(MathToken minimum, MathToken initial, List<MathToken> reached, MathToken epochs) {
        List<MathToken> angle = Tokens.of(new Fraction(concat(Tokens.of(PI, Operator.TIMES), reached), Tokens.of(epochs)));
        List<MathToken> half = concat(Tokens.of(value(1), Operator.PLUS), applied("cos", angle));
        return Tokens.of(minimum, Operator.PLUS, Operator.OPEN, initial, Operator.MINUS, minimum, Operator.CLOSE, Operator.TIMES,
                new Fraction(half, Tokens.of(value(2))));
    }
}
