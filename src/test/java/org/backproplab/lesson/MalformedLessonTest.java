package org.backproplab.lesson;

import static org.backproplab.lesson.LessonEdits.apply;
import static org.backproplab.lesson.LessonEdits.remove;
import static org.backproplab.lesson.LessonEdits.set;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a hand-written lesson can be wrong gets one line naming the field and the problem,
 * and nothing but a {@link LessonException} ever comes out of loading one.
 */
class MalformedLessonTest {

    private static final String ALL_TOP = "(allowed here: format, version, title, commentary, translations, network, training, data, compare)";
    private static final String UNWEIGHTED_HIDDEN = "{\"size\": 3, \"activation\": \"sigmoid\"}";

    @Test
    void tooManyTranslationsAreRefused() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i <= LessonReader.MAX_TRANSLATIONS; i++) {
            String language = "" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
            many.append(i == 0 ? "" : ", ").append('"').append(language).append("\": {\"title\": \"t\", \"commentary\": \"\"}");
        }
        String json = apply(LessonEdits.VALID, set("translations", many.append("}").toString()));
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.parse(json, "test.json"));
        assertEquals("test.json: translations: at most " + LessonReader.MAX_TRANSLATIONS + " translations allowed, got "
                + (LessonReader.MAX_TRANSLATIONS + 1), e.getMessage());
    }

    @Test
    void theBaseLessonOfTheseCasesIsValid() {
        assertDoesNotThrow(() -> LessonFile.parse(LessonEdits.VALID, "test.json"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void namesTheFieldAndTheProblem(String json, String expected) {
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.parse(json, "test.json"));
        assertEquals("test.json: " + expected, e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    static Stream<Arguments> malformed() {
        return Stream.concat(BatchNormLessonTest.malformed(), Stream.of(
                // the envelope
                bad(remove("format"), "format: required field is missing; a lesson file starts with \"format\": \"backprop-lab-lesson\""),
                bad(set("format", "\"tf-playground\""),
                        "format: expected \"backprop-lab-lesson\", got \"tf-playground\"; this is not a Backprop Lab lesson"),
                bad(set("version", "2"), "version: this lesson is format version 2, but this Backprop Lab reads version 1 only"),
                bad(set("version", "\"1\""), "version: expected a whole number, got text \"1\""),
                bad(remove("title"), "title: required field is missing"),
                bad(set("title", "null"), "title: expected text in double quotes, got null"),
                bad(set("title", "42"), "title: expected text in double quotes, got 42"),
                bad(set("title", "\"  \""), "title: must not be empty"),
                bad(set("titel", "\"Typo\""), "unknown field \"titel\" " + ALL_TOP),
                bad(apply(LessonEdits.VALID, set("titel", "\"a\""), set("notes", "\"b\"")),
                        "unknown fields \"titel\", \"notes\" " + ALL_TOP),
                bad(apply(LessonEdits.VALID, set("a", "1"), set("b", "1"), set("c", "1"), set("d", "1"), set("e", "1"),
                                set("f", "1"), set("g", "1")),
                        "unknown fields \"a\", \"b\", \"c\", \"d\", \"e\" and 2 more " + ALL_TOP),
                bad(set("network", "[]"), "network: expected an object { ... }, got a list"),

                // translations of the title and commentary
                bad(set("translations", "[]"), "translations: expected an object { ... }, got a list"),
                bad(set("translations", "{\"chinese\": {\"title\": \"异或\", \"commentary\": \"\"}}"),
                        "translations.chinese: is not a language tag such as \"zh-CN\" or \"de\""),
                bad(set("translations", "{\"zh_CN\": {\"title\": \"异或\", \"commentary\": \"\"}}"),
                        "translations.zh_CN: is not a language tag such as \"zh-CN\" or \"de\""),
                bad(set("translations", "{\"zh-CN\": \"异或\"}"), "translations.zh-CN: expected an object { ... }, got text \"异或\""),
                bad(set("translations", "{\"zh-CN\": {\"commentary\": \"\"}}"), "translations.zh-CN.title: required field is missing"),
                bad(set("translations", "{\"zh-CN\": {\"title\": \" \", \"commentary\": \"\"}}"),
                        "translations.zh-CN.title: must not be empty"),
                bad(set("translations", "{\"zh-CN\": {\"title\": \"异或\"}}"), "translations.zh-CN.commentary: required field is missing"),
                bad(set("translations", "{\"de\": {\"title\": \"XOR\", \"commentary\": \"\", \"notes\": 1}}"),
                        "translations.de: unknown field \"notes\" (allowed here: title, commentary)"),
                bad(remove("training"), "training: required field is missing"),

                // the network
                bad(set("network.layers[1].activation", "\"sigmoi\""), "network.layers[1].activation: unknown activation"
                        + " \"sigmoi\" (expected one of sigmoid, tanh, relu, leaky-relu, linear, softmax)"),
                bad(remove("network.layers[0].activation"), "network.layers[0].activation: required field is missing"),
                bad(set("network.layers[1].activation", "\"sig\\nmoid\""), "network.layers[1].activation: unknown"
                        + " activation \"sig\\nmoid\" (expected one of sigmoid, tanh, relu, leaky-relu, linear, softmax)"),
                bad(set("network.layers[1].activation", "\"" + "x".repeat(1000) + "\""), "network.layers[1].activation:"
                        + " unknown activation \"" + "x".repeat(40) + "…\" (expected one of sigmoid, tanh, relu, leaky-relu,"
                        + " linear, softmax)"),
                bad(set("network.layers[0].size", "-3"), "network.layers[0].size: must be from 1 to 64, got -3"),
                bad(set("network.layers[0].size", "0"), "network.layers[0].size: must be from 1 to 64, got 0"),
                bad(set("network.layers[0].size", "65"), "network.layers[0].size: must be from 1 to 64, got 65"),
                bad(set("network.layers[0].size", "2.5"), "network.layers[0].size: expected a whole number, got 2.5"),
                bad(set("network.layers[0].size", "\"3\""), "network.layers[0].size: expected a whole number, got text \"3\""),
                bad(set("network.layers[0].sise", "3"),
                        "network.layers[0]: unknown field \"sise\" (allowed here: size, activation, dropout, weights, biases, batchNorm, gamma, beta, runningMean, runningVariance)"),
                bad(set("network.layers[0].dropout", "1"), "network.layers[0].dropout: must be at least 0 and below 1, got 1"),
                bad(set("network.layers[0].dropout", "-0.1"), "network.layers[0].dropout: must be at least 0 and below 1, got -0.1"),
                bad(set("network.layers[0].dropout", "\"half\""), "network.layers[0].dropout: expected a number, got text \"half\""),
                bad(set("network.layers[1].dropout", "0.2"),
                        "network.layers[1].dropout: dropout is only allowed on hidden layers; the output layer's outputs are the answer"),
                bad(set("network.layers", "[]"), "network.layers: needs at least 1 layer, got 0"),
                bad(set("network.layers", layers(17)), "network.layers: at most 16 layers allowed, got 17"),
                bad(set("network.layers[0]", "3"), "network.layers[0]: expected an object { ... }, got 3"),
                bad(set("network.features", "[\"x1\", \"x3\"]"), "network.features[1]: unknown feature \"x3\""
                        + " (expected one of x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2))"),
                bad(set("network.features", "[\"x1\", \"x1\"]"), "network.features[1]: \"x1\" is listed twice"),
                bad(set("network.features", "[]"), "network.features: needs at least 1 feature, got 0"),
                bad(set("network.initializer", "\"glorot\""),
                        "network.initializer: unknown initializer \"glorot\" (expected one of playground, xavier, he)"),
                bad(set("network.layers[0].activation", "\"softmax\""),
                        "network.layers[0].activation: softmax is only allowed on the output layer (the last one)"),
                bad(set("network.layers[1].activation", "\"softmax\""),
                        "network.layers[1].size: a softmax output needs at least 2 neurons, got 1"),

                // weights and biases
                bad(set("network.layers[0].weights[1][0]", "NaN"),
                        "network.layers[0].weights[1][0]: expected a finite number, got NaN"),
                bad(set("network.layers[1].biases[0]", "-Infinity"),
                        "network.layers[1].biases[0]: expected a finite number, got -Infinity"),
                bad(set("network.layers[0].weights[0][1]", "1e400"),
                        "network.layers[0].weights[0][1]: expected a finite number, got Infinity"),
                bad(set("network.layers[0].weights[0][1]", "\"0.2\""),
                        "network.layers[0].weights[0][1]: expected a number, got text \"0.2\""),
                bad(set("network.layers[0].weights", "[[0.1, 0.2], [0.3, 0.4]]"),
                        "network.layers[0].weights: expected 3 rows (one per neuron of this layer), got 2"),
                bad(set("network.layers[0].weights[2]", "[0.5, 0.6, 0.7]"),
                        "network.layers[0].weights[2]: expected 2 values (one per input feature), got 3"),
                bad(set("network.layers[1].weights[0]", "[0.7, 0.8]"),
                        "network.layers[1].weights[0]: expected 3 values (one per neuron of the layer before), got 2"),
                bad(set("network.layers[1].biases", "[0.4, 0.5]"),
                        "network.layers[1].biases: expected 1 value (one per neuron of this layer), got 2"),
                bad(remove("network.layers[0].biases"), "network.layers[0].biases: required field is missing"),
                bad(apply(LessonEdits.VALID, remove("network.layers[1].weights"), remove("network.layers[1].biases")),
                        "network.layers[1]: has no weights and biases, but network.layers[0] has;"
                                + " give them on every layer or on none"),
                bad(set("network.layers[0]", UNWEIGHTED_HIDDEN),
                        "network.layers[1]: has weights or biases, but network.layers[0] has none;"
                                + " give them on every layer or on none"),
                bad(set("network.features", "[\"x1\", \"x2\", \"x1*x2\"]"),
                        "network.layers[0].weights[0]: expected 3 values (one per input feature), got 2"),

                // training
                bad(set("training.loss", "\"mse\""), "training.loss: unknown loss \"mse\""
                        + " (expected one of squared-error, binary-cross-entropy, softmax-cross-entropy)"),
                bad(apply(LessonEdits.VALID, set("training.loss", "\"binary-cross-entropy\""),
                                set("network.layers[1].activation", "\"tanh\"")),
                        "training.loss: \"binary-cross-entropy\" needs a sigmoid output layer,"
                                + " but network.layers[1] uses \"tanh\""),
                bad(set("training.loss", "\"softmax-cross-entropy\""), "training.loss: \"softmax-cross-entropy\" needs a"
                        + " softmax output layer, but network.layers[1] uses \"sigmoid\""),
                bad(set("training.optimizer", "{\"type\": \"sdg\", \"learningRate\": 0.5}"),
                        "training.optimizer.type: unknown optimizer \"sdg\" (expected one of sgd, momentum, adam, rmsprop)"),
                bad(set("training.optimizer", "\"sgd\""), "training.optimizer: expected an object { ... }, got text \"sgd\""),
                bad(set("training.optimizer.momentum", "0.9"),
                        "training.optimizer: unknown field \"momentum\" (allowed here: type, learningRate)"),
                bad(remove("training.optimizer.learningRate"), "training.optimizer.learningRate: required field is missing"),
                bad(set("training.optimizer.learningRate", "0"),
                        "training.optimizer.learningRate: must be greater than 0, got 0"),
                bad(set("training.optimizer.learningRate", "-0.1"),
                        "training.optimizer.learningRate: must be greater than 0, got -0.1"),
                bad(set("training.optimizer.learningRate", "Infinity"),
                        "training.optimizer.learningRate: expected a finite number, got Infinity"),
                bad(set("training.optimizer", "{\"type\": \"momentum\", \"learningRate\": 0.1, \"momentum\": 1}"),
                        "training.optimizer.momentum: must be at least 0 and less than 1, got 1"),
                bad(set("training.optimizer", "{\"type\": \"adam\", \"learningRate\": 0.1, \"epsilon\": 0}"),
                        "training.optimizer.epsilon: must be greater than 0, got 0"),
                bad(set("training.optimizer", "{\"type\": \"rmsprop\", \"learningRate\": 0.01, \"rho\": 1}"),
                        "training.optimizer.rho: must be at least 0 and less than 1, got 1"),
                bad(set("training.optimizer", "{\"type\": \"rmsprop\", \"learningRate\": 0.01, \"epsilon\": -1e-8}"),
                        "training.optimizer.epsilon: must be greater than 0, got -1.0E-8"),
                bad(set("training.optimizer", "{\"type\": \"rmsprop\", \"learningRate\": 0.01, \"beta1\": 0.9}"),
                        "training.optimizer: unknown field \"beta1\" (allowed here: type, learningRate, rho, epsilon)"),
                bad(set("training.learningRateSchedule", "{\"type\": \"linear\"}"),
                        "training.learningRateSchedule.type: unknown learning-rate schedule \"linear\""
                                + " (expected one of constant, step, exponential, cosine)"),
                bad(set("training.learningRateSchedule", "\"cosine\""),
                        "training.learningRateSchedule: expected an object { ... }, got text \"cosine\""),
                bad(set("training.learningRateSchedule", "{\"type\": \"step\", \"factor\": 0.5}"),
                        "training.learningRateSchedule.every: required field is missing"),
                bad(set("training.learningRateSchedule", "{\"type\": \"step\", \"every\": 0, \"factor\": 0.5}"),
                        "training.learningRateSchedule.every: must be from 1 to 1000000, got 0"),
                bad(set("training.learningRateSchedule", "{\"type\": \"step\", \"every\": 2.5, \"factor\": 0.5}"),
                        "training.learningRateSchedule.every: expected a whole number, got 2.5"),
                bad(set("training.learningRateSchedule", "{\"type\": \"exponential\", \"factor\": 1.01}"),
                        "training.learningRateSchedule.factor: must be greater than 0 and at most 1, got 1.01"),
                bad(set("training.learningRateSchedule", "{\"type\": \"exponential\", \"factor\": 0}"),
                        "training.learningRateSchedule.factor: must be greater than 0 and at most 1, got 0"),
                bad(set("training.learningRateSchedule", "{\"type\": \"exponential\", \"factor\": 0.9, \"every\": 10}"),
                        "training.learningRateSchedule: unknown field \"every\" (allowed here: type, factor)"),
                bad(set("training.learningRateSchedule", "{\"type\": \"cosine\", \"epochs\": 100, \"minimum\": -0.1}"),
                        "training.learningRateSchedule.minimum: must be 0 or positive, got -0.1"),
                bad(set("training.learningRateSchedule", "{\"type\": \"cosine\", \"minimum\": 0.001}"),
                        "training.learningRateSchedule.epochs: required field is missing"),
                bad(set("training.learningRateSchedule", "{\"type\": \"constant\", \"factor\": 0.5}"),
                        "training.learningRateSchedule: unknown field \"factor\" (allowed here: type)"),
                bad(set("training.batchSize", "0"), "training.batchSize: must be from 1 to 100000, got 0"),
                bad(remove("training.seed"), "training.seed: required field is missing"),
                bad(set("training.seed", "1.5"), "training.seed: expected a whole number, got 1.5"),
                bad(set("training.regularization", "{\"type\": \"l3\", \"rate\": 0.1}"),
                        "training.regularization.type: unknown regularization \"l3\" (expected one of none, l1, l2)"),
                bad(set("training.regularization", "{\"type\": \"l2\"}"),
                        "training.regularization.rate: required field is missing"),
                bad(set("training.gradientClipNorm", "-1"),
                        "training.gradientClipNorm: must be 0 (off) or positive, got -1"),
                bad(set("training.trainBiases", "\"yes\""), "training.trainBiases: expected true or false, got text \"yes\""),
                bad(set("training.augmentation", "0.2"), "training.augmentation: expected an object { ... }, got 0.2"),
                bad(set("training.augmentation", "{}"), "training.augmentation.noise: required field is missing"),
                bad(set("training.augmentation", "{\"noise\": -0.2}"), "training.augmentation.noise: must be from 0 to 5, got -0.2"),
                bad(set("training.augmentation", "{\"noise\": 9}"), "training.augmentation.noise: must be from 0 to 5, got 9"),
                bad(set("training.augmentation", "{\"noise\": 0.2, \"sigma\": 1}"),
                        "training.augmentation: unknown field \"sigma\" (allowed here: noise)"),

                // written-out data
                bad(set("data.points[1].label", "2"),
                        "data.points[1].label: must be a class index from 0 to 1 (\"classes\" is 2), got 2"),
                bad(set("data.points[1].label", "0.5"),
                        "data.points[1].label: must be a class index from 0 to 1 (\"classes\" is 2), got 0.5"),
                bad(set("data.points[1].label", "-1"),
                        "data.points[1].label: must be a class index from 0 to 1 (\"classes\" is 2), got -1"),
                bad(remove("data.points[2].label"),
                        "data.points[2].label: required field is missing (or give \"targets\" instead)"),
                bad(set("data.points[2].targets", "[1]"), "data.points[2]: give either \"label\" or \"targets\", not both"),
                bad(apply(LessonEdits.VALID, remove("data.points[2].label"), set("data.points[2].targets", "[0.1, 0.9]")),
                        "data.points[2].targets: expected 1 value (one per output neuron), got 2"),
                bad(remove("data.points[0].x2"), "data.points[0].x2: required field is missing"),
                bad(set("data.points[0].x1", "1e7"), "data.points[0].x1: must be from -1000000 to 1000000, got 1.0E7"),
                bad(set("data.points[3]", "[1, 1, 0]"), "data.points[3]: expected an object { ... }, got a list"),
                bad(set("data.points", "[]"), "data.points: needs at least 1 point, got 0"),
                bad(set("data.classes", "1"), "data.classes: must be 0 (regression) or at least 2, got 1"),
                bad(set("data.classes", "3"), "data.classes: 3 classes, so the output layer needs 3 neurons (one per class),"
                        + " but network.layers[1] has 1"),
                bad(set("data.trainRatio", "0"), "data.trainRatio: must be greater than 0 and at most 1, got 0"),
                bad(set("data.trainRatio", "1.5"), "data.trainRatio: must be greater than 0 and at most 1, got 1.5"),
                bad(set("data.trainRatio", "0.1"),
                        "data.trainRatio: 0.1 of 4 points leaves no point to train on; raise trainRatio or the number of points"),
                bad(set("data", "{}"), "data: give either \"generator\" (points drawn by a generator) or \"classes\" and"
                        + " \"points\" (points written out)"),
                bad(apply(LessonEdits.VALID, set("network.layers", "[" + UNWEIGHTED_HIDDEN
                                + ", {\"size\": 2, \"activation\": \"linear\"}]"), set("data.classes", "0")),
                        "data.points[0]: a regression network with 2 outputs needs \"targets\" (2 values) on every point,"
                                + " not a \"label\""),
                bad(set("data.points", points(100_001)), "data.points: at most 100000 points allowed, got 100001"),

                // generated data
                bad(set("data", "{\"generator\": \"moon\"}"), "data.generator: unknown generator \"moon\" (expected one of"
                        + " circle, xor, gauss, spiral, regression-plane, regression-gauss, moons, spiral3)"),
                bad(set("data", "{\"generator\": \"moons\", \"noise\": 0.6}"), "data.noise: must be from 0 to 0.5, got 0.6"),
                bad(set("data", "{\"generator\": \"moons\", \"points\": 0}"), "data.points: must be from 1 to 100000, got 0"),
                bad(set("data", "{\"generator\": \"moons\", \"points\": 100001}"),
                        "data.points: must be from 1 to 100000, got 100001"),
                bad(set("data", "{\"generator\": \"moons\", \"classes\": 2}"),
                        "data: unknown field \"classes\" (allowed here: generator, points, noise, trainRatio)"),
                bad(set("data", "{\"generator\": \"spiral3\"}"),
                        "data.generator: \"spiral3\" has 3 classes, so the output layer needs 3 neurons (one per class),"
                                + " but network.layers[1] has 1"),
                bad(apply(LessonEdits.VALID, set("network.layers", "[" + UNWEIGHTED_HIDDEN
                                + ", {\"size\": 2, \"activation\": \"linear\"}]"), set("data", "{\"generator\": \"regression-plane\"}")),
                        "data.generator: \"regression-plane\" gives one number per point, so the output layer needs 1 neuron,"
                                + " but network.layers[1] has 2"),
                bad(set("data", "{\"generator\": \"circle\", \"points\": 3, \"trainRatio\": 0.2}"),
                        "data.trainRatio: 0.2 of 3 points leaves no point to train on; raise trainRatio or the number of points"),

                // not JSON at all
                bad("", "the file is empty"),
                bad("[1, 2]", "a lesson file holds one JSON object { ... }, this one holds a list"),
                bad("{\n  \"format\": \"backprop-lab-lesson\",\n}",
                        "line 3, column 1: expected a field name in double quotes, found \"}\" (remove the comma before it)"),
                bad("{\n  \"format\": \"backprop-lab-lesson\"\n  \"version\": 1\n}",
                        "line 3, column 3: a comma is missing before this entry"),
                bad("{\"format\": \"backprop-lab-lesson\", \"version\": 1", "line 1, column 47: the text ends too early;"
                        + " a bracket, brace or quote is not closed"),
                bad("// my lesson\n{}", "line 1, column 1: JSON does not allow comments"),
                bad("{\"title\": 'XOR'}", "line 1, column 11: expected a value (a number, text in double quotes, a list,"
                        + " an object, true, false or null), found \"'\" (text goes in double quotes)"),
                bad("{\"a\": [1, 2,]}", "line 1, column 13: expected a value (a number, text in double quotes, a list,"
                        + " an object, true, false or null), found \"]\" (remove the comma before it)"),
                bad("{\"format\": \"backprop-lab-lesson\", \"format\": \"x\"}",
                        "line 1, column 43: field \"format\" appears twice in the same object"),
                bad("{\"trainBiases\": True}", "line 1, column 21: unknown word \"True\"; text goes in double quotes,"
                        + " and true, false and null are written in lower case"),
                bad("{} {}", "line 1, column 4: more text after the end of the lesson's outermost { ... }"),
                bad("{\"a\" 1}", "line 1, column 6: a colon is missing after the field name"),
                bad("{\"a\": 01}", "line 1, column 8: a number is not written the JSON way (such as 0.5, -2 or 1e-3)"),
                bad("{\"a\": \"tab\there\"}", "line 1, column 11: text in quotes must not hold a tab or line break;"
                        + " write \\t or \\n instead"),
                bad("{\"title\": \"C:\\lessons\"}", "line 1, column 15: a backslash in text starts an escape such as \\n"
                        + " or \\\"; write \\\\ for a backslash itself"),
                bad("{}{}", "line 1, column 3: more text after the end of the lesson's outermost { ... }"),
                bad("]", "line 1, column 1: a closing bracket or brace that was never opened"),
                bad(" ".repeat(LessonFile.MAX_FILE_BYTES + 1), "larger than 8 MiB; a lesson file may be at most that")));
    }

    private static Arguments bad(LessonEdits.Edit edit, String expected) {
        return bad(apply(LessonEdits.VALID, edit), expected);
    }

    private static Arguments bad(String json, String expected) {
        return Arguments.of(json, expected);
    }

    private static String layers(int count) {
        return "[" + String.join(", ", Collections.nCopies(count, UNWEIGHTED_HIDDEN)) + "]";
    }

    private static String points(int count) {
        return "[" + String.join(", ", Collections.nCopies(count, "{\"x1\": 0, \"x2\": 0, \"label\": 0}")) + "]";
    }
}
