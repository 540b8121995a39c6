package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training runs thousands of steps a second and heatmaps redraw while it does; garbage there means
 * GC pauses that stutter the animation on a classroom laptop. This counts bytes, not time, so it is
 * as repeatable as the code under test.
 */
class AllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int CALLS = 1_000;
    private static final double BYTES_PER_CALL = 64;
    /**
     * Measurements before giving up. Until the JIT has compiled the hot code (the Vector API's
     * above all), the interpreter boxes vectors on the heap; on a busy machine the compiler threads
     * get the CPU late and may still be at it after the warm-up. The code counts as warm once one
     * measurement finds it allocation-free: the bound itself is never loosened. Some runs first
     * compile the step with a few of its vectors on the heap (about 2.5 kB a step) and only
     * recompile it cleanly after 100,000 to 150,000 steps; seen on the code before and after the
     * wider product blocks alike, about one run in four, so the attempts reach well past that.
     */
    private static final int ATTEMPTS = 60;

    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void allocationCounter() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @Test
    void untracedStepsAllocateNothingOnceWarm() {
        SplittableRandom rng = new SplittableRandom(11);
        Network network = Nets.random(rng, 3, List.of(new LayerSpec(8, Activation.TANH),
                new LayerSpec(6, Activation.RELU), new LayerSpec(3, Activation.SOFTMAX)));
        DMatrixRMaj inputs = Nets.uniform(rng, 3, 10, -1, 1);
        DMatrixRMaj targets = Nets.oneHot(rng, 3, 10);
        Hyperparameters base = Hyperparameters.of(Loss.SOFTMAX_CROSS_ENTROPY, new OptimizerSettings.Sgd(0.01))
                .withRegularization(new Regularization(Regularization.Kind.L2, 1e-3))
                .withGradientClipNorm(0.05);
        for (OptimizerSettings optimizer : List.<OptimizerSettings>of(new OptimizerSettings.Sgd(0.01),
                new OptimizerSettings.Momentum(0.01, 0.9), new OptimizerSettings.Adam(0.01), new OptimizerSettings.RmsProp(0.01))) {
            Backpropagation backpropagation = new Backpropagation();
            Hyperparameters hyper = base.withOptimizer(optimizer);
            assertAllocatesAlmostNothing(optimizer.id() + " step",
                    () -> backpropagation.step(network, inputs, targets, hyper));
        }
    }

    @Test
    void learnerMiniBatchesAllocateNothingOnceWarm() {
        SplittableRandom rng = new SplittableRandom(13);
        DMatrixRMaj inputs = Nets.uniform(rng, 2, 95, -6, 6);
        DMatrixRMaj targets = Nets.uniform(rng, 1, 95, -1, 1);
        TrainingData data = new TrainingData(inputs, targets, inputs, targets, new Task.Regression());
        Network network = Nets.random(rng, 2, List.of(new LayerSpec(5, Activation.TANH), new LayerSpec(1, Activation.LINEAR)));
        Learner learner = new Learner(network, data,
                Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Momentum(0.001, 0.9)), 10, rng);

        // 95 samples in batches of 10: the short last batch and the reshuffle at each epoch's end are included.
        assertAllocatesAlmostNothing("learner mini-batch", learner::stepBatch);
    }

    /** 30×30 runs on the caller's thread alone; 48×48 is big enough to be split across two threads. */
    @ParameterizedTest
    @ValueSource(ints = {30, 48})
    void heatmapRedrawsAllocateNothingOnceWarm(int width) {
        SplittableRandom rng = new SplittableRandom(12);
        Network network = Nets.random(rng, 2, List.of(new LayerSpec(8, Activation.LEAKY_RELU),
                new LayerSpec(8, Activation.SIGMOID), new LayerSpec(1, Activation.TANH)));
        NeuronMaps maps = new NeuronMaps(Nets.uniform(rng, 2, width * width, -6, 6));

        assertAllocatesAlmostNothing("heatmap evaluation", () -> maps.evaluate(network));
    }

    private static void assertAllocatesAlmostNothing(String what, Runnable call) {
        repeat(call, WARM_UP);
        double least = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < ATTEMPTS && least >= BYTES_PER_CALL; attempt++) {
            if (attempt > 0) {
                // Still allocating: more warm-up gives the compiler threads time to finish.
                repeat(call, WARM_UP / 4);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            repeat(call, CALLS);
            least = Math.min(least, (double) (threads.getCurrentThreadAllocatedBytes() - before) / CALLS);
        }
        assertTrue(least < BYTES_PER_CALL, what + " allocates " + least + " bytes per call, even at its least after "
                + ATTEMPTS + " measurements");
    }

    private static void repeat(Runnable call, int times) {
        for (int i = 0; i < times; i++) {
            call.run();
        }
    }
}
