package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.OptimizerSettings;
import org.junit.jupiter.api.Test;

/** B's header lists exactly the settings in which its lesson differs from A's, and B starts where A starts. */
class ComparisonTest {

    private static Lesson xor() throws LessonException {
        return LessonFile.readResource("/assets/lessons/xor.json");
    }

    @Test
    void aForkDiffersInNothing() throws LessonException {
        assertEquals(List.of(), Comparison.fork(xor()).differences());
    }

    @Test
    void aNewRateIsARateAndANewRuleIsAnOptimizer() throws LessonException {
        Lesson a = xor();
        Lesson faster = a.withHyperparameters(a.hyperparameters().withLearningRate(4.0));
        Lesson adam = a.withHyperparameters(a.hyperparameters().withOptimizer(new OptimizerSettings.Adam(2.0, 0.9, 0.999, 1e-8)));

        assertEquals(List.of(new Difference.LearningRate(2.0, 4.0)), new Comparison(a, faster).differences());
        assertEquals(List.of(new Difference.Optimizer(new OptimizerSettings.Sgd(2.0), new OptimizerSettings.Adam(2.0, 0.9, 0.999, 1e-8))),
                new Comparison(a, adam).differences());
    }

    @Test
    void layersAreNamedByTheirPlaceAndBatchSizeAfterTheRule() throws LessonException {
        Lesson a = xor();
        List<LayerSpec> layers = new ArrayList<>(a.layers());
        layers.set(0, layers.getFirst().withActivation(Activation.TANH).withBatchNorm(true));
        Lesson b = a.withArchitecture(a.features(), layers).withBatchSize(2)
                .withHyperparameters(a.hyperparameters().withLearningRate(1.0));

        assertEquals(List.of(new Difference.LayerActivation(0, Activation.SIGMOID, Activation.TANH),
                new Difference.LayerBatchNorm(0, false, true), new Difference.LearningRate(2.0, 1.0),
                new Difference.BatchSize(4, 2)), new Comparison(a, b).differences());
    }

    @Test
    void bStartsFromAsWeights() throws LessonException {
        Experiment trained = Experiment.of(xor());
        trained.learner().stepBatch();
        Lesson a = trained.currentLesson();
        List<LayerSpec> layers = new ArrayList<>(a.layers());
        layers.set(0, layers.getFirst().withActivation(Activation.RELU));
        // The lab drops a lesson's weights when it rebuilds a layer; B still starts from A's.
        Lesson b = a.withArchitecture(a.features(), layers);

        assertEquals(a.weights(), new Comparison(a, b).startOfB().weights());
    }

    @Test
    void bMayNotTrainOnOtherPointsOrAnotherShape() throws LessonException {
        Lesson a = xor();
        List<LayerSpec> wider = new ArrayList<>(a.layers());
        wider.set(0, wider.getFirst().withSize(5));

        assertThrows(IllegalArgumentException.class, () -> new Comparison(a, a.withSeed(7)));
        assertThrows(IllegalArgumentException.class, () -> new Comparison(a, a.withArchitecture(a.features(), wider)));
    }
}
