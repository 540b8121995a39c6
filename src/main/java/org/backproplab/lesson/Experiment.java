package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Dataset;
import org.backproplab.data.Domain;
import org.backproplab.data.Generator;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Network;
import org.backproplab.engine.TrainingData;

/**
 * A lesson brought to life: its points generated and split, its network built, and a learner
 * ready to train. Everything random comes, in a fixed order, from one generator seeded by the
 * lesson (data, then the split, then the weights, then the mini-batch order), so the same lesson
 * gives a bit-identical run.
 */
public final class Experiment {

    private final Lesson lesson;
    private final Dataset dataset;
    private final List<DataPoint> trainPoints;
    private final List<DataPoint> testPoints;
    private final Domain domain;
    private final Encoding encoding;
    private final Learner learner;

    private Experiment(Lesson lesson, Dataset dataset, List<DataPoint> trainPoints, List<DataPoint> testPoints,
            Domain domain, Encoding encoding, Learner learner) {
        this.lesson = lesson;
        this.dataset = dataset;
        this.trainPoints = List.copyOf(trainPoints);
        this.testPoints = List.copyOf(testPoints);
        this.domain = domain;
        this.encoding = encoding;
        this.learner = learner;
    }

    /** Builds the experiment a (validated) lesson describes. */
    public static Experiment of(Lesson lesson) {
        RandomGenerator rng = new SplittableRandom(lesson.seed());
        Dataset dataset;
        Domain domain;
        switch (lesson.data()) {
            case DataSpec.Generated g -> {
                Generator generator = Generator.fromId(g.generator()).orElseThrow();
                dataset = generator.generate(g.points(), g.noise(), rng);
                domain = generator.domain();
            }
            case DataSpec.Inline inline -> {
                dataset = new Dataset(inline.points(), inline.classes());
                domain = Domain.around(inline.points());
            }
        }
        List<DataPoint> shuffled = new ArrayList<>(dataset.points());
        shuffle(shuffled, rng);
        int trainCount = (int) Math.round(lesson.data().trainRatio() * shuffled.size());
        List<DataPoint> train = shuffled.subList(0, trainCount);
        List<DataPoint> test = shuffled.subList(trainCount, shuffled.size());

        Network network = Network.create(lesson.features().size(), lesson.layers(), lesson.initializer(), rng);
        lesson.weights().ifPresent(fixed -> apply(fixed, network));

        Encoding encoding = new Encoding(lesson.features(), network.outputSize(), dataset.classes(),
                network.outputLayer().activation());
        TrainingData data = new TrainingData(encoding.inputs(train), encoding.targets(train),
                encoding.inputs(test), encoding.targets(test), encoding.task());
        Learner learner = new Learner(network, data, lesson.hyperparameters(), lesson.batchSize(), rng);
        return new Experiment(lesson, dataset, train, test, domain, encoding, learner);
    }

    private static void apply(List<LayerWeights> fixed, Network network) {
        for (int l = 0; l < fixed.size(); l++) {
            Layer layer = network.layer(l);
            LayerWeights w = fixed.get(l);
            for (int n = 0; n < layer.size(); n++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    layer.setWeight(n, i, w.weights().get(n, i));
                }
                layer.setBias(n, w.biases().get(n, 0));
            }
        }
    }

    private static void shuffle(List<DataPoint> points, RandomGenerator rng) {
        for (int i = points.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            points.set(i, points.set(j, points.get(i)));
        }
    }

    /** The lesson as loaded. */
    public Lesson lesson() {
        return lesson;
    }

    /** The lesson with the network's current weights written in, ready to save. */
    public Lesson currentLesson() {
        Network network = learner.network();
        List<LayerWeights> weights = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            weights.add(new LayerWeights(network.layer(l).weightMatrix(), network.layer(l).biasVector()));
        }
        return lesson.withWeights(weights);
    }

    public Dataset dataset() {
        return dataset;
    }

    public List<DataPoint> trainPoints() {
        return trainPoints;
    }

    public List<DataPoint> testPoints() {
        return testPoints;
    }

    public Domain domain() {
        return domain;
    }

    public Encoding encoding() {
        return encoding;
    }

    public Learner learner() {
        return learner;
    }
}
