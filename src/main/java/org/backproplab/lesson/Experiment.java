package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Dataset;
import org.backproplab.data.Domain;
import org.backproplab.data.Generator;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Network;
import org.backproplab.engine.TrainingData;

/**
 * A lesson brought to life: its points generated and split, its network built, and a learner
 * ready to train. Everything random comes, in a fixed order, from one generator seeded by the
 * lesson (data, then the split, then the weights, then the mini-batch order, dropout masks and
 * augmentation's shifts), so the same lesson gives a bit-identical run. A lesson that marks each
 * point's set draws no split, and one that does not shuffle draws no mini-batch order.
 */
public final class Experiment {

    private Lesson lesson;
    private final Points points;
    private final Encoding encoding;
    private final Learner learner;
    private final RandomGenerator rng;

    /**
     * A data set drawn for an experiment, split into training and test points. Immutable, so an
     * undo history can keep one and bring back exactly these points, split and view.
     */
    public record Points(Dataset dataset, Domain domain, List<DataPoint> train, List<DataPoint> test) {

        static Points draw(DataSpec spec, RandomGenerator rng) {
            Dataset dataset;
            Domain domain;
            switch (spec) {
                case DataSpec.Generated g -> {
                    Generator generator = Generator.fromId(g.generator()).orElseThrow(
                            () -> new IllegalArgumentException("unknown generator " + g.generator()));
                    dataset = generator.generate(g.points(), g.noise(), rng);
                    domain = generator.domain();
                }
                case DataSpec.Inline inline -> {
                    dataset = new Dataset(inline.points(), inline.classes());
                    domain = Domain.around(inline.points());
                    if (inline.marked()) {
                        return marked(inline, dataset, domain);
                    }
                }
            }
            List<DataPoint> shuffled = new ArrayList<>(dataset.points());
            shuffle(shuffled, rng);
            int trainCount = (int) Math.round(spec.trainRatio() * shuffled.size());
            return new Points(dataset, domain, List.copyOf(shuffled.subList(0, trainCount)),
                    List.copyOf(shuffled.subList(trainCount, shuffled.size())));
        }

        /** The split the lesson wrote down, each set in written order; nothing is drawn. */
        private static Points marked(DataSpec.Inline inline, Dataset dataset, Domain domain) {
            List<DataPoint> train = new ArrayList<>();
            List<DataPoint> test = new ArrayList<>();
            for (int i = 0; i < inline.points().size(); i++) {
                (inline.sets().get(i) == PointSet.TRAIN ? train : test).add(inline.points().get(i));
            }
            return new Points(dataset, domain, List.copyOf(train), List.copyOf(test));
        }
    }

    private Experiment(Lesson lesson, Points points, Network network, RandomGenerator rng, long epoch) {
        this.lesson = lesson;
        this.points = points;
        this.rng = rng;
        this.encoding = new Encoding(lesson.features(), network.outputSize(), points.dataset().classes(),
                network.outputLayer().activation());
        TrainingData data = new TrainingData(encoding.inputs(points.train()), encoding.targets(points.train()),
                encoding.inputs(points.test()), encoding.targets(points.test()), encoding.task(),
                Optional.of(encoding.planePoints(points.train())));
        this.learner = new Learner(network, data, lesson.hyperparameters(), lesson.batchSize(), rng, epoch,
                lesson.shuffle());
    }

    /** Builds the experiment a (validated) lesson describes, from its seed. */
    public static Experiment of(Lesson lesson) {
        RandomGenerator rng = new SplittableRandom(lesson.seed());
        Points points = Points.draw(lesson.data(), rng);
        Network network = Network.create(lesson.features().size(), lesson.layers(), lesson.initializer(), rng);
        lesson.weights().ifPresent(fixed -> apply(fixed, network));
        return new Experiment(lesson, points, network, rng, 0);
    }

    /**
     * The same points and the same count of epochs, with another network: after a layer, neuron or
     * feature was added or removed. {@code reshaped} is the lesson describing that network.
     */
    public Experiment withNetwork(Lesson reshaped, Network network) {
        return new Experiment(reshaped, points, network, rng, learner.epoch());
    }

    /** The same network and count of epochs, trained on freshly drawn points. */
    public Experiment withData(DataSpec data) {
        Points drawn = Points.draw(data, rng);
        // Points placed by hand inside the view keep the view: a plot that re-framed itself at every
        // click would move the very points the teacher is placing.
        if (data instanceof DataSpec.Inline && drawn.dataset().points().stream().allMatch(points.domain()::contains)) {
            drawn = new Points(drawn.dataset(), points.domain(), drawn.train(), drawn.test());
        }
        return new Experiment(lesson.withData(data), drawn, learner.network(), rng, learner.epoch());
    }

    /**
     * An earlier moment's lesson, points and network, brought back (an undo or redo) with this
     * experiment's count of epochs and random source: the run goes on from here with them.
     */
    public Experiment restored(Lesson earlier, Points drawn, Network network) {
        return new Experiment(earlier, drawn, network, rng, learner.epoch());
    }

    /** The random source everything in this experiment is drawn from, for drawing fresh weights. */
    public RandomGenerator random() {
        return rng;
    }

    /** Changes loss, optimizer, regularization, clipping or fixed biases without a reset. */
    public void setHyperparameters(Hyperparameters hyperparameters) {
        learner.setHyperparameters(hyperparameters);
        lesson = lesson.withHyperparameters(hyperparameters);
    }

    public void setBatchSize(int batchSize) {
        learner.setBatchSize(batchSize);
        lesson = lesson.withBatchSize(batchSize);
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
            if (layer.batchNorm().isPresent()) {
                w.batchNorm().ifPresent(values -> values.applyTo(layer.batchNorm().get()));
            }
        }
    }

    private static void shuffle(List<DataPoint> points, RandomGenerator rng) {
        for (int i = points.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            points.set(i, points.set(j, points.get(i)));
        }
    }

    /** The lesson with the current settings (its weights, if any, are the ones it started from). */
    public Lesson lesson() {
        return lesson;
    }

    /** The lesson with the network's current weights written in, ready to save. */
    public Lesson currentLesson() {
        Network network = learner.network();
        List<LayerWeights> weights = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            weights.add(LayerWeights.of(network.layer(l)));
        }
        return lesson.withWeights(weights);
    }

    /** The points as drawn and split, to be brought back later by {@link #restored}. */
    public Points points() {
        return points;
    }

    public Dataset dataset() {
        return points.dataset();
    }

    public List<DataPoint> trainPoints() {
        return points.train();
    }

    public List<DataPoint> testPoints() {
        return points.test();
    }

    public Domain domain() {
        return points.domain();
    }

    public Encoding encoding() {
        return encoding;
    }

    public Learner learner() {
        return learner;
    }
}
