package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.PlaygroundDatasets;
import org.backproplab.engine.Activation;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a TensorFlow Playground link as the page reads it, and refusing one it cannot replay. */
class PlaygroundLinkTest {

    private static final String PAGE = "https://playground.tensorflow.org/#";

    @Test
    void missingSettingsTakeThePagesDefaults() throws LessonException {
        PlaygroundLink link = PlaygroundLink.parse(PAGE + "seed=0.5");

        assertEquals("0.5", link.seed());
        assertEquals(PlaygroundDatasets.CIRCLE, link.dataset());
        assertEquals(List.of(InputFeature.X1, InputFeature.X2), link.features());
        assertEquals(List.of(4, 2), link.hiddenLayers());
        assertEquals(Activation.TANH, link.activation());
        assertEquals(0.03, link.learningRate());
        assertEquals(10, link.batchSize());
        assertEquals(50, link.percentTraining());
        assertEquals(Regularization.NONE, link.regularization());
        assertFalse(link.initZero());
    }

    @Test
    void inputsComeInThePagesOrderHiddenOnesAreDroppedAndCosinesIgnored() throws LessonException {
        PlaygroundLink link = PlaygroundLink.parse(PAGE + "sinY=true&cosX=true&xTimesY=true&y=true&x=true&x_hide=true"
                + "&xSquared=false&seed=7");

        assertEquals(List.of(InputFeature.X2, InputFeature.X1_TIMES_X2, InputFeature.SIN_X2), link.features());
    }

    @Test
    void theSeedIsKeptAsTextBecauseSeedrandomHashesTheText() throws LessonException {
        assertEquals("0.10", PlaygroundLink.parse(PAGE + "seed=0.10").seed());
    }

    @Test
    void anImportedLessonTrainsAsThePageTrains() throws LessonException {
        Lesson lesson = PlaygroundImport.lesson(PAGE + "problem=regression&regDataset=reg-plane&networkShape=&"
                + "activation=relu&learningRate=0.1&batchSize=5&regularization=L2&regularizationRate=0.003&seed=a").lesson();

        assertFalse(lesson.shuffle());
        assertEquals(Loss.SQUARED_ERROR, lesson.hyperparameters().loss());
        assertEquals(new OptimizerSettings.Sgd(0.1), lesson.hyperparameters().optimizer());
        assertEquals(new Regularization(Regularization.Kind.L2, 0.003), lesson.hyperparameters().regularization());
        assertEquals(5, lesson.batchSize());
        assertEquals(1, lesson.layers().size(), "no hidden layer");
        assertEquals(Activation.LINEAR, lesson.layers().getFirst().activation());
        DataSpec.Inline data = (DataSpec.Inline) lesson.data();
        assertEquals(1200, data.points().size());
        assertEquals(0, data.classes());
        assertEquals(600, data.sets().stream().filter(set -> set == PointSet.TRAIN).count());
    }

    @Test
    void withInitZeroEveryWeightAndBiasStartsAtZero() throws LessonException {
        Lesson lesson = PlaygroundImport.lesson(PAGE + "initZero=true&seed=1").lesson();

        for (LayerWeights layer : lesson.weights().orElseThrow()) {
            assertTrue(java.util.Arrays.stream(layer.weights().values()).allMatch(w -> w == 0));
            assertTrue(java.util.Arrays.stream(layer.biases().values()).allMatch(b -> b == 0));
        }
    }

    @Test
    void l1IsNamedAsADifference() throws LessonException {
        PlaygroundImport.Imported imported = PlaygroundImport.lesson(PAGE + "regularization=L1&regularizationRate=0.01&seed=1");

        assertEquals(List.of(PlaygroundImport.Difference.L1_FREEZES), imported.differences());
        assertTrue(imported.lesson().commentary().contains("sets it to 0"), imported.lesson().commentary());
        assertTrue(imported.lesson().words(java.util.Locale.SIMPLIFIED_CHINESE).commentary().contains("L1"));
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsNamedAsADifference() throws LessonException {
        assertEquals(List.of(PlaygroundImport.Difference.NEVER_UPDATES),
                PlaygroundImport.lesson(PAGE + "batchSize=300&seed=1").differences());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://playground.tensorflow.org/|playground link: it has no settings after \"#\"; copy the whole address"
                + " from the playground's address bar",
        "hello|playground link: not a TensorFlow Playground address; expected one such as"
                + " https://playground.tensorflow.org/#activation=tanh&networkShape=4,2&seed=0.12345&dataset=spiral",
        "#dataset=spiral|playground link: it has no seed=…, so the playground would draw a random one; press the"
                + " playground's \"regenerate\" button and copy the link again",
        "#seed=1&dataset=moons|playground link: dataset=moons is not a data set this app can reproduce (expected"
                + " circle, xor, gauss or spiral)",
        "#seed=1&problem=regression&regDataset=reg-maximum|playground link: regDataset=reg-maximum is not a data set"
                + " this app can reproduce (expected reg-plane or reg-gauss)",
        "#seed=1&batchSize=2.5|playground link: batchSize=2.5 is not a whole number",
        "#seed=1&batchSize=0|playground link: batchSize=0 must be from 1 to 100000",
        "#seed=1&learningRate=fast|playground link: learningRate=fast is not a number",
        "#seed=1&learningRate=0|playground link: learningRate=0 would never change a weight; this app needs a learning"
                + " rate above 0",
        "#seed=1&noise=80|playground link: noise=80 must be from 0 to 50",
        "#seed=1&networkShape=4,x|playground link: networkShape=4,x must list whole neuron counts from 1 to 64",
        "#seed=1&activation=softmax|playground link: activation=softmax is not one of relu, tanh, sigmoid, linear",
        "#seed=1&regularization=L3|playground link: regularization=L3 is not one of none, L1, L2",
        "#seed=1&x=false&y=false|playground link: every input is switched off; the network needs at least one (x, y,"
                + " x², y², xy, sin x or sin y)",
        "#seed=1&percTrainData=0.1|playground link: percTrainData=0.1 leaves no point to train on (0 of 500 points)",
    })
    void aLinkThatCannotBeReplayedIsRefusedInOneLine(String link, String message) {
        LessonException e = assertThrows(LessonException.class, () -> PlaygroundImport.lesson(link));
        assertEquals(message, e.getMessage());
    }
}
