package org.backproplab.training;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Domain;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Metrics;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonWords;

/**
 * Everything the window shows about an experiment at one moment: the one object the trainer thread
 * publishes and the views draw. Immutable, so the views may hold it while training goes on.
 *
 * @param title        the lesson's title
 * @param commentary   what a teacher would say about the lesson
 * @param translations the title and commentary in other languages, by language tag
 * @param network      weights, biases and activations
 * @param heatmaps     every neuron's output over the plane
 * @param trainPoints  the points the network learns from
 * @param testPoints   the held-out points
 * @param classes      number of classes; 0 for regression
 * @param domain       the square of the plane on show
 * @param epoch        completed epochs
 * @param trainMetrics loss and accuracy on the training points
 * @param testMetrics  loss and accuracy on the test points ({@link Metrics#EMPTY} when there are none)
 * @param lastUpdate   gradients and steps of the last training step, if there was one on this shape
 */
public record LabSnapshot(
        String title,
        String commentary,
        Map<String, LessonWords> translations,
        NetworkSnapshot network,
        Heatmaps heatmaps,
        List<DataPoint> trainPoints,
        List<DataPoint> testPoints,
        int classes,
        Domain domain,
        long epoch,
        Metrics trainMetrics,
        Metrics testMetrics,
        Optional<LastUpdate> lastUpdate) {

    public LabSnapshot {
        translations = Map.copyOf(translations);
        trainPoints = List.copyOf(trainPoints);
        testPoints = List.copyOf(testPoints);
    }

    /** The lesson's title and commentary in {@code locale}'s language, or its own words without a translation. */
    public LessonWords words(Locale locale) {
        return LessonWords.in(locale, new LessonWords(title, commentary), translations);
    }

    /**
     * A snapshot of the experiment now, with heatmaps of {@code heatmapResolution} cells per side,
     * or fewer if a very large network would otherwise exceed {@link HeatmapGrid#CELL_BUDGET}.
     */
    public static LabSnapshot capture(Experiment experiment, int heatmapResolution) {
        return capture(experiment, HeatmapGrid.forExperiment(experiment, heatmapResolution));
    }

    /** A snapshot of the experiment now, reusing a grid made for it (as a trainer does, snapshot after snapshot). */
    public static LabSnapshot capture(Experiment experiment, HeatmapGrid grid) {
        return capture(experiment, grid.sample(experiment.learner().network()));
    }

    /**
     * A snapshot of the experiment now with heatmaps sampled earlier from the same network (a
     * trainer too busy to sample every frame may show maps a few steps old).
     */
    static LabSnapshot capture(Experiment experiment, Heatmaps heatmaps) {
        Learner learner = experiment.learner();
        return capture(experiment, heatmaps, learner.trainMetrics(), learner.testMetrics());
    }

    /** As above, with metrics measured earlier from the same network as the heatmaps. */
    static LabSnapshot capture(Experiment experiment, Heatmaps heatmaps, Metrics trainMetrics, Metrics testMetrics) {
        Learner learner = experiment.learner();
        Lesson lesson = experiment.lesson();
        return new LabSnapshot(lesson.title(), lesson.commentary(), lesson.translations(),
                NetworkSnapshot.of(learner.network(), lesson.features()),
                heatmaps,
                experiment.trainPoints(), experiment.testPoints(), experiment.dataset().classes(),
                experiment.domain(), learner.epoch(), trainMetrics, testMetrics,
                LastUpdate.of(learner));
    }
}
