package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.backproplab.data.Arc4Random;
import org.backproplab.data.DataPoint;
import org.backproplab.data.PlaygroundDatasets;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.Matrix;

/**
 * Turns a TensorFlow Playground link into the lesson that replays that page as it loads: its points
 * in its order and split, its starting weights and biases, its inputs, activations, learning rate,
 * batch size and penalty, trained unshuffled on ½(o − t)² as the page trains. The random stream is
 * the page's (seedrandom's ARC4 keyed with the seed text), drawn from in the page's order: the
 * data set, one draw per point for its shuffle, then one draw per weight as the network is built.
 * Where the page's arithmetic differs from this app's, the lesson's commentary says what will
 * differ and from when; {@link #differences} lists it for the window.
 */
public final class PlaygroundImport {

    /** The page's bias for every neuron (0 with initZero). */
    private static final double PLAYGROUND_BIAS = 0.1;

    private PlaygroundImport() {
    }

    /** Where a replay here parts from the page, and when. */
    public enum Difference {
        /** The training points do not fill whole batches: the page carries the rest into the next epoch. */
        CARRIED_BATCH,
        /** The batch is larger than the training set: the page never updates a weight. */
        NEVER_UPDATES,
        /** L1: the page sets a weight that crosses zero to 0 and freezes it there. */
        L1_FREEZES
    }

    /** The lesson a link describes, and where its run will part from the page's. */
    public record Imported(Lesson lesson, List<Difference> differences) {
        public Imported {
            differences = List.copyOf(differences);
        }
    }

    public static Imported lesson(String link) throws LessonException {
        return lesson(PlaygroundLink.parse(link));
    }

    public static Imported lesson(PlaygroundLink link) throws LessonException {
        Arc4Random random = new Arc4Random(link.seed());
        List<DataPoint> points = new ArrayList<>(
                link.dataset().generate(link.samples(), link.noise() / 100, random).points());
        PlaygroundDatasets.shuffle(points, random);
        // As generateData: Math.floor(data.length * percTrainData / 100).
        int trainCount = (int) Math.floor(points.size() * link.percentTraining() / 100);
        if (trainCount == 0) {
            double percent = link.percentTraining();
            throw new LessonException("playground link: percTrainData=" + (percent == Math.rint(percent)
                    ? Long.toString((long) percent) : Double.toString(percent)) + " leaves no point to train on (0 of "
                    + points.size() + " points)");
        }
        List<PointSet> sets = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            sets.add(i < trainCount ? PointSet.TRAIN : PointSet.TEST);
        }
        List<LayerSpec> layers = new ArrayList<>();
        link.hiddenLayers().forEach(size -> layers.add(new LayerSpec(size, link.activation())));
        layers.add(new LayerSpec(1, link.regression() ? Activation.LINEAR : Activation.TANH));
        List<LayerWeights> weights = weights(link, layers, random);
        List<Difference> differences = differences(link, trainCount);
        Hyperparameters hyper = new Hyperparameters(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(link.learningRate()),
                link.regularization(), 0, true);
        Lesson lesson = new Lesson(title(link, Locale.ENGLISH), commentary(link, trainCount, differences, false),
                link.features(), layers, Initializer.PLAYGROUND, Optional.of(weights), hyper, link.batchSize(),
                link.seed().hashCode(), DataSpec.Inline.marked(points, link.regression() ? 0 : 2, sets),
                Map.of("zh-CN", new LessonWords(title(link, Locale.SIMPLIFIED_CHINESE),
                        commentary(link, trainCount, differences, true))),
                false);
        LessonConsistency.check(lesson);
        return new Imported(lesson, differences);
    }

    /**
     * nn.ts buildNetwork: layer by layer, neuron by neuron, one {@code Math.random() − 0.5} per
     * incoming link. With initZero the page still draws (a field initialiser) but then sets 0.
     */
    private static List<LayerWeights> weights(PlaygroundLink link, List<LayerSpec> layers, Arc4Random random) {
        List<LayerWeights> weights = new ArrayList<>();
        int inputs = link.features().size();
        for (LayerSpec layer : layers) {
            double[][] rows = new double[layer.size()][inputs];
            double[] biases = new double[layer.size()];
            for (int n = 0; n < layer.size(); n++) {
                for (int i = 0; i < inputs; i++) {
                    double drawn = random.nextDouble() - 0.5;
                    rows[n][i] = link.initZero() ? 0 : drawn;
                }
                biases[n] = link.initZero() ? 0 : PLAYGROUND_BIAS;
            }
            weights.add(new LayerWeights(Matrix.of(rows), Matrix.column(biases)));
            inputs = layer.size();
        }
        return weights;
    }

    private static List<Difference> differences(PlaygroundLink link, int trainCount) {
        List<Difference> differences = new ArrayList<>();
        if (link.batchSize() > trainCount) {
            differences.add(Difference.NEVER_UPDATES);
        } else if (trainCount % link.batchSize() != 0) {
            differences.add(Difference.CARRIED_BATCH);
        }
        if (link.regularization().kind() == Regularization.Kind.L1 && link.regularization().rate() > 0) {
            differences.add(Difference.L1_FREEZES);
        }
        return differences;
    }

    private static String title(PlaygroundLink link, Locale locale) {
        boolean chinese = locale.getLanguage().equals("zh");
        String shape = link.hiddenLayers().isEmpty() ? (chinese ? "无隐藏层" : "no hidden layer")
                : String.join("-", link.hiddenLayers().stream().map(String::valueOf).toList()) + " "
                        + link.activation().id();
        return "TensorFlow Playground" + (chinese ? "：" : ": ") + datasetName(link.dataset(), chinese) + (chinese ? "，" : ", ")
                + shape;
    }

    private static String datasetName(PlaygroundDatasets dataset, boolean chinese) {
        return switch (dataset) {
            case CIRCLE -> chinese ? "圆形" : "circle";
            case XOR -> chinese ? "异或" : "XOR";
            case GAUSS -> chinese ? "两团高斯" : "two Gaussians";
            case SPIRAL -> chinese ? "螺旋" : "spiral";
            case REGRESSION_PLANE -> chinese ? "回归平面" : "regression plane";
            case REGRESSION_GAUSS -> chinese ? "回归高斯" : "regression Gaussians";
        };
    }

    private static String commentary(PlaygroundLink link, int trainCount, List<Difference> differences, boolean chinese) {
        int points = link.samples();
        int batch = link.batchSize();
        StringBuilder text = new StringBuilder(chinese
                ? String.format(Locale.ROOT, "从 TensorFlow Playground 链接导入（种子 %s）：同样的 %d 个点、同样的划分（%d 个用于训练，"
                        + "保持 Playground 的顺序）、同样的初始权重和偏置，并像 Playground 一样训练：对 ½(o − t)² 做普通梯度下降，"
                        + "每 %d 个点更新一次，每轮顺序不变。", link.seed(), points, trainCount, batch)
                : String.format(Locale.ROOT, "Imported from a TensorFlow Playground link (seed %s): the same %d points, the"
                        + " same split (%d for training, in the playground's order), the same starting weights and biases,"
                        + " trained as the playground trains: plain gradient descent on ½(o − t)², an update every %d"
                        + " points, in the same order every epoch.", link.seed(), points, trainCount, batch));
        if (differences.isEmpty()) {
            text.append(chinese ? "每一轮的训练损失和测试损失都应与 Playground 相同（只差舍入误差）。"
                    : " Every epoch should show the playground's training and test loss, to rounding.");
        }
        for (Difference difference : differences) {
            text.append(chinese ? "" : " ").append(switch (difference) {
                case CARRIED_BATCH -> chinese
                        ? String.format(Locale.ROOT, "不同之处：%d 个训练点分不成整批的 %d 个。Playground 把最后 %d 个点的梯度带进下一轮的第一次"
                                + "更新；这里它们自己走一小步，所以从第一轮结束起两边的结果就会分开。", trainCount, batch, trainCount % batch)
                        : String.format(Locale.ROOT, "One difference: %d training points do not make whole batches of %d."
                                + " The playground carries the last %d points' gradients into the next epoch's first"
                                + " update; here they make their own smaller step, so the runs part from the end of"
                                + " the first epoch.", trainCount, batch, trainCount % batch);
                case NEVER_UPDATES -> chinese
                        ? String.format(Locale.ROOT, "不同之处：批大小 %d 大于 %d 个训练点，所以 Playground 根本不会更新权重；这里每一步用全部训练点。",
                                batch, trainCount)
                        : String.format(Locale.ROOT, "One difference: the batch size %d is larger than the %d training"
                                + " points, so the playground never updates a weight at all; here every step uses all"
                                + " of them.", batch, trainCount);
                case L1_FREEZES -> chinese
                        ? "不同之处：L1 惩罚把某个权重推过零时，Playground 把它设为 0 并从此不再改变；这里它会继续变化，"
                                + "所以从第一个权重越过零起两边的结果就会分开。"
                        : "One difference: when the L1 penalty pushes a weight across zero, the playground sets it to 0"
                                + " and never changes it again; here it goes on, so the runs part once the first weight"
                                + " crosses zero.";
            });
        }
        return text.toString();
    }
}
