package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lessons that ship with the app load, and teach what their commentary promises. */
class ShippedLessonsTest {

    private static final Path LESSONS = Path.of("assets", "lessons");

    static Stream<String> shipped() throws IOException {
        try (Stream<Path> files = Files.list(LESSONS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theThreeTeachingLessonsShip() throws IOException {
        assertTrue(shipped().toList().containsAll(List.of("mazur-2-2-2.json", "moons.json", "xor.json")));
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void loadsFromTheClasspathAndBuildsAnExperiment(String name) throws LessonException {
        Lesson lesson = LessonFile.readResource("/assets/lessons/" + name);

        assertEquals(lesson, LessonFile.read(LESSONS.resolve(name)));
        assertEquals(lesson, LessonFile.parse(LessonFile.toJson(lesson), name));
        assertDoesNotThrow(() -> Experiment.of(lesson).learner().tracedSample(0));
    }

    @Test
    void xorLearnsXorFromItsFixedSeed() throws LessonException {
        Experiment xor = Experiment.of(LessonFile.readResource("/assets/lessons/xor.json"));
        Learner learner = xor.learner();

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
        Learner learner = Experiment.of(LessonFile.readResource("/assets/lessons/moons.json")).learner();

        while (learner.epoch() < 200 && learner.trainMetrics().accuracy() < 0.95) {
            learner.runEpoch();
        }

        assertTrue(learner.trainMetrics().accuracy() >= 0.95, "train accuracy " + learner.trainMetrics().accuracy());
    }
}
