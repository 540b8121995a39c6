package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Metrics;
import org.backproplab.engine.Network;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lessons that ship with the app load, train, and teach what their commentary promises. */
class ShippedLessonsTest {

    private static final Pattern DIGITS = Pattern.compile("\\d+(\\.\\d+)?");

    private static final Path LESSONS = Path.of("assets", "lessons");

    static Stream<String> shipped() throws IOException {
        try (Stream<Path> files = Files.list(LESSONS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theShippedFilesAreTheApplicationsOwnAndACopyElsewhereIsTheUsers() {
        assertTrue(LessonCatalog.isShipped(LESSONS.resolve("moons.json")), "the checkout's own, which goes into the jar");
        assertTrue(LessonCatalog.isShipped(Path.of("target", "classes", "assets", "lessons", "xor.json")), "a build's copy");
        assertFalse(LessonCatalog.isShipped(Path.of("my-lessons", "moons.json")), "a copy the user made elsewhere");
        assertFalse(LessonCatalog.isShipped(LESSONS.resolve("my-own.json")), "not a shipped lesson's name");
    }

    static Stream<String> catalogued() {
        return LessonCatalog.shipped().stream().map(LessonCatalog.Entry::name);
    }

    static Learner learner(String name) throws LessonException {
        return Experiment.of(LessonCatalog.load(name)).learner();
    }

    @Test
    void theCatalogListsEveryShippedFileOnceStartingWithXor() throws IOException {
        List<String> files = shipped().map(n -> n.substring(0, n.length() - ".json".length())).toList();

        assertEquals(files, catalogued().sorted().toList());
        assertEquals("xor", LessonCatalog.shipped().getFirst().name());
        assertTrue(files.containsAll(List.of("xor", "moons", "mazur-2-2-2", "vanishing-gradients", "exploding-gradients",
                "spiral", "regression", "softmax-3")), files.toString());
    }

    @Test
    void theCatalogShowsEachLessonsOwnTitleAndRefusesUnknownNames() throws LessonException {
        for (LessonCatalog.Entry entry : LessonCatalog.shipped()) {
            assertEquals(LessonCatalog.load(entry.name()).title(), entry.title());
        }
        assertEquals("Mazur's step-by-step example, 2-2-2", LessonCatalog.find("mazur-2-2-2").orElseThrow().title());
        LessonException e = assertThrows(LessonException.class, () -> LessonCatalog.load("xr"));
        assertTrue(e.getMessage().startsWith("xr: no lesson of that name ships with Backprop Lab (there are xor, "), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void loadsFromTheClasspathAndBuildsAnExperiment(String name) throws LessonException {
        Lesson lesson = LessonFile.readResource("/assets/lessons/" + name);

        assertEquals(lesson, LessonFile.read(LESSONS.resolve(name)));
        assertEquals(lesson, LessonFile.parse(LessonFile.toJson(lesson), name));
        // What the step-through shows first: one step on sample 0, through every layer, to a number.
        StepTrace first = Experiment.of(lesson).learner().tracedSample(0);
        assertEquals(lesson.layers().size(), first.layers().size(), name + " layers traced");
        assertTrue(Double.isFinite(first.loss()), name + " traced loss " + first.loss());
    }

    @ParameterizedTest
    @MethodSource("catalogued")
    void trainsAFewEpochsAndItsLossFalls(String name) throws LessonException {
        Learner learner = learner(name);
        double untrained = learner.trainMetrics().loss();

        for (int epoch = 0; epoch < 5; epoch++) {
            learner.runEpoch();
        }

        double trained = learner.trainMetrics().loss();
        assertTrue(learner.network().isFinite(), name + " weights");
        // Not epoch by epoch: mini-batches make the loss wobble (regression rises once in five).
        assertTrue(Double.isFinite(trained) && trained < untrained, name + " loss " + untrained + " then " + trained);
    }

    @ParameterizedTest
    @MethodSource("catalogued")
    void commentaryIsTwoOrThreeSentences(String name) throws LessonException {
        String commentary = LessonCatalog.load(name).commentary().strip();

        // A sentence ends at . ! or ? followed by a space; the decimal points in 0.25 do not end one.
        int sentences = commentary.split("(?<=[.!?])\\s+").length;

        assertTrue(commentary.matches("(?s).*[.!?]"), name + " commentary ends mid-sentence");
        assertTrue(sentences >= 2 && sentences <= 3, name + " has " + sentences + " sentences: " + commentary);
    }

    @ParameterizedTest
    @MethodSource("catalogued")
    void aChineseClassReadsTheLessonInChinese(String name) throws LessonException {
        Lesson lesson = LessonCatalog.load(name);
        LessonWords chinese = lesson.words(Locale.SIMPLIFIED_CHINESE);

        assertNotEquals(lesson.title(), chinese.title(), name + " has a Chinese title");
        assertTrue(chinese.commentary().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                name + " has a Chinese commentary: " + chinese.commentary());
        // The numbers a student checks against must be the same in both languages.
        assertEquals(numbers(lesson.commentary()), numbers(chinese.commentary()), name);
        assertEquals(lesson.title(), lesson.words(Locale.ENGLISH).title(), "English is the lesson's own words");
        assertEquals(chinese, lesson.words(Locale.forLanguageTag("zh")), "plain Chinese finds the zh-CN words");
    }

    /** Every number written with digits, in order of value as text: translations may reorder a sentence. */
    private static List<String> numbers(String text) {
        return DIGITS.matcher(text).results().map(MatchResult::group).sorted().toList();
    }

    @Test
    void xorLearnsXorFromItsFixedSeed() throws LessonException {
        Learner learner = learner("xor");

        while (learner.epoch() < 5000 && learner.trainMetrics().accuracy() < 1) {
            learner.runEpoch();
        }

        Network network = learner.network();
        assertTrue(network.predict(0, 0)[0] < 0.5, "0 xor 0");
        assertTrue(network.predict(0, 1)[0] > 0.5, "0 xor 1");
        assertTrue(network.predict(1, 0)[0] > 0.5, "1 xor 0");
        assertTrue(network.predict(1, 1)[0] < 0.5, "1 xor 1");
    }

    @Test
    void moonsReachesHighTrainingAccuracy() throws LessonException {
        Learner learner = learner("moons");

        trainUntil(learner, 200, 0.95);

        assertTrue(learner.trainMetrics().accuracy() >= 0.95, "train accuracy " + learner.trainMetrics().accuracy());
    }

    @Test
    void regressionFitsTheBumpsFarBetterThanPredictingZero() throws LessonException {
        Experiment regression = Experiment.of(LessonCatalog.load("regression"));
        Learner learner = regression.learner();
        // Squared error of always answering 0: the mean of ½t² over the test points.
        double zeroLoss = regression.testPoints().stream().mapToDouble(p -> 0.5 * p.label() * p.label()).average().orElseThrow();

        for (int epoch = 0; epoch < 100; epoch++) {
            learner.runEpoch();
        }

        Metrics test = learner.testMetrics();
        assertTrue(test.loss() < 0.5 * zeroLoss, "test loss " + test.loss() + " against " + zeroLoss + " for answering 0");
        assertTrue(Double.isNaN(test.accuracy()), "regression has no accuracy");
        assertTrue(regression.dataset().points().stream().mapToDouble(DataPoint::label).anyMatch(t -> t != Math.rint(t)),
                "the labels are numbers, not classes");
    }

    @Test
    void softmaxGivesThreeProbabilitiesAndSeparatesTheArmsWithinAFewDozenEpochs() throws LessonException {
        Learner learner = learner("softmax-3");
        StepTrace first = learner.tracedSample(0);

        trainUntil(learner, 50, 0.95);

        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += first.outputLayer().a().get(k, 0);
        }
        assertEquals(1, sum, 1e-12, "softmax outputs add up to 1");
        assertTrue(learner.trainMetrics().accuracy() >= 0.95, "train accuracy " + learner.trainMetrics().accuracy());
    }

    @Test
    void theSpiralNeedsHundredsOfEpochsAndSineInputsLetOneHiddenLayerDoIt() throws LessonException {
        Learner deep = learner("spiral");
        trainUntil(deep, 100, 0.95);
        assertTrue(deep.trainMetrics().accuracy() < 0.95, "not yet after 100 epochs: " + deep.trainMetrics().accuracy());
        trainUntil(deep, 300, 0.95);
        assertTrue(deep.trainMetrics().accuracy() >= 0.95, "after 300 epochs: " + deep.trainMetrics().accuracy());

        Lesson spiral = LessonCatalog.load("spiral");
        Lesson withSines = spiral.withArchitecture(
                List.of(InputFeature.X1, InputFeature.X2, InputFeature.SIN_X1, InputFeature.SIN_X2),
                List.of(spiral.layers().getFirst(), spiral.layers().getLast()));
        Learner small = Experiment.of(withSines).learner();
        trainUntil(small, 300, 0.95);
        assertTrue(small.trainMetrics().accuracy() >= 0.95, "2-8-1 with sines: " + small.trainMetrics().accuracy());
    }

    /**
     * What the overfitting lesson's commentary promises, trained as the class would: the test loss is
     * lowest early and ends about four times higher while the training loss keeps falling, and each
     * remedy it names (dropout 0.5 on both hidden layers, L2 0.01, augmentation 0.3) at least halves
     * the gap between the two after 300 epochs.
     */
    @Test
    void overfittingShowsTheGapAndEachRemedyNarrowsIt() throws LessonException {
        Lesson lesson = LessonCatalog.load("overfitting");
        Learner plain = Experiment.of(lesson).learner();
        double lowestTest = Double.MAX_VALUE;
        int lowestAt = 0;
        double trainAtLowest = 0;
        for (int epoch = 1; epoch <= 300; epoch++) {
            plain.runEpoch();
            double test = plain.testMetrics().loss();
            if (test < lowestTest) {
                lowestTest = test;
                lowestAt = epoch;
                trainAtLowest = plain.trainMetrics().loss();
            }
        }
        Metrics train = plain.trainMetrics();
        Metrics test = plain.testMetrics();
        assertTrue(lowestAt <= 10, "the test loss is lowest early, here at epoch " + lowestAt);
        assertTrue(test.loss() > 3.5 * lowestTest, "the test loss climbs from " + lowestTest + " to " + test.loss());
        assertTrue(train.loss() < trainAtLowest / 3, "while the training loss falls from " + trainAtLowest + " to " + train.loss());
        double gap = test.loss() - train.loss();

        List<LayerSpec> dropping = lesson.layers().stream()
                .map(layer -> layer == lesson.layers().getLast() ? layer : layer.withDropout(0.5)).toList();
        Hyperparameters hyper = lesson.hyperparameters();
        List<Lesson> remedies = List.of(lesson.withArchitecture(lesson.features(), dropping),
                lesson.withHyperparameters(hyper.withRegularization(new Regularization(Regularization.Kind.L2, 0.01))),
                lesson.withHyperparameters(hyper.withAugmentation(new Augmentation(0.3))));
        for (Lesson remedied : remedies) {
            Learner learner = Experiment.of(remedied).learner();
            for (int epoch = 0; epoch < 300; epoch++) {
                learner.runEpoch();
            }
            double narrowed = learner.testMetrics().loss() - learner.trainMetrics().loss();
            assertTrue(narrowed < gap / 2, "gap " + narrowed + " against " + gap + " without the remedy: " + remedied);
        }
    }

    /** Runs epochs until the training accuracy reaches {@code accuracy} or {@code epochs} epochs have run in all. */
    static void trainUntil(Learner learner, int epochs, double accuracy) {
        while (learner.epoch() < epochs && learner.trainMetrics().accuracy() < accuracy) {
            learner.runEpoch();
        }
    }
}
