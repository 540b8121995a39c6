package org.backproplab.lesson;

import static org.backproplab.lesson.LessonEdits.apply;
import static org.backproplab.lesson.LessonEdits.remove;
import static org.backproplab.lesson.LessonEdits.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.backproplab.engine.Backpropagation;
import org.backproplab.engine.BatchNorm;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/** "batchNorm" on a layer, and the γ, β and running averages a saved network writes beside its weights. */
class BatchNormLessonTest {

    /** The test lesson with batch normalisation on its hidden layer. */
    private static final String NORMALISED = apply(LessonEdits.VALID, set("network.layers[0].batchNorm", "true"));

    @Test
    void aTrainedNormalisedNetworkSavedAndReopenedTakesTheSameNextStep(@TempDir Path dir) throws LessonException {
        Experiment trained = Experiment.of(LessonFile.readResource("/assets/lessons/batch-normalisation.json"));
        for (int step = 0; step < 25; step++) {
            trained.learner().stepBatch();
        }
        Lesson beforeSave = trained.currentLesson();
        Path file = dir.resolve("trained.json");

        LessonFile.write(beforeSave, file);
        Lesson reloaded = LessonFile.read(file);

        assertEquals(beforeSave, reloaded);
        Network reopened = Experiment.of(reloaded).learner().network();
        BatchNorm saved = trained.learner().network().layer(0).batchNorm().orElseThrow();
        BatchNorm read = reopened.layer(0).batchNorm().orElseThrow();
        assertNotEquals(1, saved.gamma(0), "γ has trained away from 1");
        assertEquals(saved.gammaVector(), read.gammaVector());
        assertEquals(saved.betaVector(), read.betaVector());
        assertEquals(saved.runningMeanVector(), read.runningMeanVector());
        assertEquals(saved.runningVarianceVector(), read.runningVarianceVector());
        assertEquals(trained.learner().testMetrics(), Experiment.of(reloaded).learner().testMetrics(),
                "evaluation with the same running averages");
        // Plain SGD remembers nothing between steps, so on the same batch the saved lesson steps exactly as training would.
        DMatrixRMaj inputs = CommonOps_DDRM.extract(trained.learner().data().trainInputs(), 0, 2, 0, 10);
        DMatrixRMaj targets = CommonOps_DDRM.extract(trained.learner().data().trainTargets(), 0, 1, 0, 10);
        Hyperparameters hyper = reloaded.hyperparameters();
        assertEquals(new Backpropagation().tracedStep(trained.learner().network(), inputs, targets, hyper),
                new Backpropagation().tracedStep(reopened, inputs, targets, hyper));
    }

    @Test
    void savedNormalisationValuesAreWrittenOnTheLayer() throws LessonException {
        Lesson lesson = Experiment.of(LessonFile.parse(NORMALISED, "test.json")).currentLesson();
        String json = LessonFile.toJson(lesson);
        assertTrue(json.contains("\"batchNorm\": true"), json);
        for (String field : new String[] {"\"gamma\"", "\"beta\"", "\"runningMean\"", "\"runningVariance\""}) {
            assertEquals(1, json.split(field, -1).length - 1, field + " once, on the normalised layer: " + json);
        }
    }

    @Test
    void leftOutValuesStartAsAFreshLayers() throws LessonException {
        BatchNorm fresh = Experiment.of(LessonFile.parse(apply(NORMALISED, set("network.layers[0].gamma", "[2, 3, 4]")),
                "test.json")).learner().network().layer(0).batchNorm().orElseThrow();
        assertEquals(3, fresh.gamma(1));
        assertEquals(0, fresh.beta(1));
        assertEquals(0, fresh.runningMean(1));
        assertEquals(1, fresh.runningVariance(1));
    }

    @Test
    void exerciseSheetsSayWhyANormalisedLessonHasNoOneSampleStepToWorkByHand() throws LessonException {
        Lesson lesson = LessonCatalog.load("batch-normalisation");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ExerciseSet.draw(lesson, 2, 3, 0));
        assertTrue(refused.getMessage().contains("batch normalisation steps a whole mini-batch"), refused.getMessage());
    }

    /** Malformed batch-normalisation fields and their one-line messages; {@link MalformedLessonTest} checks them with the rest. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(apply(LessonEdits.VALID, set("network.layers[0].batchNorm", "\"yes\"")),
                        "network.layers[0].batchNorm: expected true or false, got text \"yes\""),
                Arguments.of(apply(NORMALISED, set("network.layers[1].batchNorm", "true")),
                        "network.layers[1].batchNorm: batch normalisation is only allowed on hidden layers, not on the output"
                                + " layer (the last one)"),
                Arguments.of(apply(LessonEdits.VALID, set("network.layers[0].gamma", "[1, 1, 1]")),
                        "network.layers[0].gamma: only a layer with \"batchNorm\": true has this"),
                Arguments.of(apply(NORMALISED, set("network.layers[0].beta", "[0, 0]")),
                        "network.layers[0].beta: expected 3 values (one per neuron of this layer), got 2"),
                Arguments.of(apply(NORMALISED, set("network.layers[0].runningMean", "[0, \"0\", 0]")),
                        "network.layers[0].runningMean[1]: expected a number, got text \"0\""),
                Arguments.of(apply(NORMALISED, set("network.layers[0].runningVariance", "[1, -0.5, 1]")),
                        "network.layers[0].runningVariance: a variance is never negative, got -0.5 for neuron 2"),
                Arguments.of(apply(NORMALISED, set("training.batchSize", "1")),
                        "training.batchSize: batch normalisation needs mini-batches of at least 2 samples, got 1, since a layer"
                                + " has \"batchNorm\": true"),
                Arguments.of(apply(NORMALISED, set("data.trainRatio", "0.25")),
                        "data.trainRatio: batch normalisation needs at least 2 training points, got 1, since a layer has"
                                + " \"batchNorm\": true; raise trainRatio or the number of points"),
                Arguments.of(apply(NORMALISED, remove("network.layers[0].weights"), remove("network.layers[0].biases"),
                        remove("network.layers[1].weights"), remove("network.layers[1].biases"),
                        set("network.layers[0].gamma", "[1, 1, 1]")),
                        "network.layers[0].gamma: comes with trained weights; give \"weights\" and \"biases\" too, or leave it out"));
    }
}
