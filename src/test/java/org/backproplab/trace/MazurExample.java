package org.backproplab.trace;

import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Backpropagation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.ejml.data.DMatrixRMaj;

/**
 * Matt Mazur's "A Step by Step Backpropagation Example": a 2-2-2 sigmoid net, squared error, SGD
 * with η = 0.5 and fixed biases, one sample. His w₁…w₈ are, in our notation, w₁₁⁽¹⁾ = 0.15,
 * w₁₂⁽¹⁾ = 0.20, w₂₁⁽¹⁾ = 0.25, w₂₂⁽¹⁾ = 0.30, w₁₁⁽²⁾ = 0.40 (w₅), w₁₂⁽²⁾ = 0.45, w₂₁⁽²⁾ = 0.50,
 * w₂₂⁽²⁾ = 0.55.
 */
final class MazurExample {

    static final double[] INPUTS = {0.05, 0.10};
    static final double[] TARGETS = {0.01, 0.99};

    private MazurExample() {
    }

    static Network network(Activation hidden, Activation output) {
        Network network = Network.create(2, List.of(new LayerSpec(2, hidden), new LayerSpec(2, output)),
                Initializer.XAVIER, new SplittableRandom(1));
        double[][] w1 = {{0.15, 0.20}, {0.25, 0.30}};
        double[][] w2 = {{0.40, 0.45}, {0.50, 0.55}};
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                network.layer(0).setWeight(j, i, w1[j][i]);
                network.layer(1).setWeight(j, i, w2[j][i]);
            }
            network.layer(0).setBias(j, 0.35);
            network.layer(1).setBias(j, 0.60);
        }
        return network;
    }

    static Hyperparameters hyperparameters() {
        return new Hyperparameters(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.5), Regularization.NONE, 0, false);
    }

    /** The one traced step of Mazur's post. */
    static StepTrace trace() {
        return trace(network(Activation.SIGMOID, Activation.SIGMOID), hyperparameters());
    }

    static StepTrace trace(Network network, Hyperparameters hyper) {
        return trace(network, hyper, new double[][] {INPUTS}, new double[][] {TARGETS});
    }

    /** One traced step on a batch given sample by sample. */
    static StepTrace trace(Network network, Hyperparameters hyper, double[][] inputs, double[][] targets) {
        return new Backpropagation().tracedStep(network, columns(inputs), columns(targets), hyper);
    }

    /** The traced step of Mazur's post as if it were taken in {@code epoch}: with the η the schedule gives it. */
    static StepTrace traceInEpoch(Network network, Hyperparameters hyper, long epoch) {
        return new Backpropagation().tracedStep(network, columns(new double[][] {INPUTS}), columns(new double[][] {TARGETS}),
                hyper, epoch);
    }

    /** Several traced steps in a row on one sample, sharing the optimizer's memory. */
    static List<StepTrace> steps(Network network, Hyperparameters hyper, int count) {
        return steps(network, java.util.Collections.nCopies(count, hyper));
    }

    /** One traced step on one sample per settings given, in order, sharing the optimizer's memory. */
    static List<StepTrace> steps(Network network, List<Hyperparameters> settings) {
        Backpropagation backpropagation = new Backpropagation();
        DMatrixRMaj inputs = columns(new double[][] {INPUTS});
        DMatrixRMaj targets = columns(new double[][] {TARGETS});
        return settings.stream().map(hyper -> backpropagation.tracedStep(network, inputs, targets, hyper)).toList();
    }

    private static DMatrixRMaj columns(double[][] samples) {
        DMatrixRMaj m = new DMatrixRMaj(samples[0].length, samples.length);
        for (int s = 0; s < samples.length; s++) {
            for (int r = 0; r < samples[s].length; r++) {
                m.set(r, s, samples[s][r]);
            }
        }
        return m;
    }
}
