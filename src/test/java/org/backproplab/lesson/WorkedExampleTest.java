package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked-example handout shows the engine's own numbers, section by section, as Markdown a viewer renders. */
class WorkedExampleTest {

    private static final List<String> SECTIONS = List.of(
            "## 1. Forward pass", "## 2. Loss", "## 3. Backward pass", "## 4. Gradients", "## 5. Update");

    @TempDir
    Path dir;

    private final Lesson mazur = load("mazur-2-2-2");
    private final StepTrace mazurStep = Experiment.of(mazur).learner().tracedSample(0);

    private static Lesson load(String name) {
        try {
            return LessonCatalog.load(name);
        } catch (LessonException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mazursHandoutHasTheEnginesNumbersInTheRightSectionsAndInOrder() {
        LayerTrace hidden = mazurStep.layers().get(0);
        LayerTrace output = mazurStep.outputLayer();
        // Each number, as the engine computed it, and the section that must show it first.
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(shown(hidden.z().get(0, 0)), 0);
        expected.put(shown(hidden.a().get(0, 0)), 0);
        expected.put(shown(output.a().get(0, 0)), 0);
        expected.put(shown(mazurStep.loss()), 1);
        expected.put(shown(output.delta().get(0, 0)), 2);
        expected.put(shown(output.weightGradient().get(0, 0)), 3);
        // Updates go layer by layer from the first, so w₁ (w₁₁⁽¹⁾) comes before w₅ (w₁₁⁽²⁾).
        expected.put(shown(hidden.weightsAfter().get(0, 0)), 4);
        expected.put(shown(output.weightsAfter().get(0, 0)), 4);
        // The same numbers as in Mazur's post, at 4 significant digits.
        assertEquals(List.of("0.3775", "0.5933", "0.7514", "0.2984", "0.1385", "0.08217", "0.1498", "0.3589"),
                List.copyOf(expected.keySet()));

        String handout = WorkedExample.markdown(mazurStep, 0, mazur, 4);

        int previous = -1;
        for (Map.Entry<String, Integer> number : expected.entrySet()) {
            int at = firstWhole(handout, number.getKey());
            assertEquals(number.getValue(), section(handout, at), number.getKey() + " first appears in the wrong section");
            assertTrue(at > previous, number.getKey() + " appears out of order");
            previous = at;
        }
    }

    @Test
    void everyStepOfTheWorkingIsALineOfADisplayFormula() {
        String handout = WorkedExample.markdown(mazurStep, 0, mazur, 4);

        String update = handout.substring(handout.indexOf(SECTIONS.get(4)));
        assertTrue(update.contains("$$\n\\begin{aligned}\n"
                + "w_{11}^{(1)} &\\leftarrow w_{11}^{(1)} - \\eta \\cdot \\frac{\\partial E}{\\partial w_{11}^{(1)}} \\\\\n"
                + "&= 0.15 - 0.5 \\cdot 0.0004386 \\\\\n"
                + "&= 0.1498\n"
                + "\\end{aligned}\n$$\n"), update);
        String backward = handout.substring(handout.indexOf(SECTIONS.get(2)), handout.indexOf(SECTIONS.get(3)));
        assertTrue(backward.contains("&= (0.4 \\cdot 0.1385 + 0.5 \\cdot (-0.0381)) \\cdot 0.5933 \\cdot (1 - 0.5933) \\\\\n"
                + "&= 0.008771\n"), backward);
        assertTrue(backward.contains("\\delta^{(1)} &= (W^{(2)T} \\cdot \\delta^{(2)}) \\odot \\sigma'(z^{(1)})"), "the matrix form");
    }

    @Test
    void theHandoutDescribesTheNetworkAndTheSampleBeforeThePass() {
        String handout = WorkedExample.markdown(mazurStep, 0, mazur, 4);
        String before = handout.substring(0, handout.indexOf(SECTIONS.getFirst()));

        assertTrue(before.startsWith("# Mazur's step-by-step example, 2-2-2\n"), before);
        for (String line : List.of("- Layer 1 (hidden): 2 neurons, sigmoid.", "- Layer 2 (output): 2 neurons, sigmoid.",
                "- Loss: squared error.", "- Optimizer: gradient descent (SGD), $\\eta = 0.5$.",
                "- Biases stay fixed at their starting values.",
                "W^{(2)} = \\begin{bmatrix} 0.4 & 0.45 \\\\ 0.5 & 0.55 \\end{bmatrix}, \\quad b^{(2)} = \\begin{bmatrix} 0.6 \\\\ 0.6 \\end{bmatrix}",
                "- Input: $x_{1} = 0.05$, $x_{2} = 0.1$.", "- Target: $t_{1} = 0.01$, $t_{2} = 0.99$.",
                "> This is the network worked by hand in Matt Mazur's blog post")) {
            assertTrue(before.contains(line), line);
        }
    }

    @Test
    void everyFormulaIsAClosedDisplayBlockWithBalancedBraces() {
        for (String name : List.of("mazur-2-2-2", "softmax-3", "exploding-gradients")) {
            Lesson lesson = load(name);
            String handout = WorkedExample.markdown(Experiment.of(lesson).learner().tracedBatch(), 0, lesson, 4);
            String[] blocks = handout.split("\\$\\$\n");

            assertEquals(1, blocks.length % 2, name + ": every $$ has its closing $$");
            for (int b = 1; b < blocks.length; b += 2) {
                String latex = blocks[b];
                assertEquals(latex.chars().filter(c -> c == '{').count(), latex.chars().filter(c -> c == '}').count(), latex);
                assertEquals(latex.split("\\\\begin\\{").length, latex.split("\\\\end\\{").length, latex);
                assertFalse(latex.contains("\n\n"), "a blank line would end the formula in Markdown: " + latex);
            }
        }
    }

    @Test
    void moreDigitsShowMoreOfTheSameNumbers() {
        String handout = WorkedExample.markdown(mazurStep, 0, mazur, 8);

        assertTrue(handout.contains("&= 0.35891648\n"), "new w5 of Mazur's post");
        assertTrue(handout.contains("&= 0.14978072\n"), "new w1 of Mazur's post, 0.149780716");
        assertTrue(handout.contains("rounded to 8 significant digits"));
    }

    @Test
    void aBatchStepShowsTheChosenSampleAndTheOptimizersOwnFormulas() {
        Lesson xor = TestLessons.xor();
        Lesson lesson = xor.withArchitecture(List.of(InputFeature.X1, InputFeature.X2, InputFeature.SIN_X1), xor.layers())
                .withHyperparameters(xor.hyperparameters().withOptimizer(new OptimizerSettings.Adam(0.05))
                        .withRegularization(new Regularization(Regularization.Kind.L2, 0.01)).withGradientClipNorm(0.001));
        StepTrace batch = Experiment.of(lesson).learner().tracedBatch();

        String handout = WorkedExample.markdown(batch, 2, lesson, 4);

        for (String text : List.of(
                "Inputs, computed from the point (x₁, x₂): $x_{1}$ = x₁, $x_{2}$ = x₂, $x_{3}$ = sin x₁.",
                "- Optimizer: Adam, $\\eta = 0.05$, $\\beta_{1} = 0.9$, $\\beta_{2} = 0.999$, $\\varepsilon = 1 \\times 10^{-8}$.",
                "- Regularization: L2 penalty on the weights, $\\lambda = 0.01$; $R = \\tfrac{1}{2} \\lambda \\sum w^{2}$, which adds "
                        + "$\\lambda \\cdot w$ to each weight's gradient.",
                "multiplied by $c = " + SignificantNumber.latex(batch.gradientScale(), 4) + "$",
                "a mini-batch of 10 samples", "those of sample 3",
                "- Input: $x_{1} = " + SignificantNumber.latex(batch.inputs().get(0, 2), 4) + "$",
                "Each gradient is the mean over the 10 samples of the batch.",
                "Loss of the batch, the mean over its samples:", "Loss plus the regularization penalty:",
                "Gradient scaled by the clipping factor:", "Adam's step:", "\\hat{m}_{11}^{(1)}")) {
            assertTrue(handout.contains(text), text);
        }
    }

    @Test
    void lessonTextPrintsLiterallyAndBadArgumentsAreRefused() {
        Lesson odd = new Lesson("Cost: $5 *per* [step]", "Use out_h1 <here>.", mazur.features(), mazur.layers(),
                mazur.initializer(), mazur.weights(), mazur.hyperparameters(), 1, 1, mazur.data(), Map.of());

        String handout = WorkedExample.markdown(mazurStep, 0, odd, 4);

        assertTrue(handout.startsWith("# Cost: \\$5 \\*per\\* \\[step\\]\n"), handout);
        assertTrue(handout.contains("> Use out\\_h1 \\<here\\>."));
        assertThrows(IllegalArgumentException.class, () -> WorkedExample.markdown(mazurStep, 1, mazur, 4));
        assertThrows(IllegalArgumentException.class, () -> WorkedExample.markdown(mazurStep, 0, mazur, 0));
    }

    @Test
    void savesTheHandout() throws Exception {
        Path file = dir.resolve("handout.md");

        WorkedExample.write(mazurStep, 0, mazur, 4, Locale.ENGLISH, file);

        assertEquals(WorkedExample.markdown(mazurStep, 0, mazur, 4), Files.readString(file));
    }

    @Test
    void inChineseTheHandoutHasChineseWordsAndTheLessonsChineseTitleAroundTheSameFormulas() {
        String english = WorkedExample.markdown(mazurStep, 0, mazur, 4);
        String chinese = WorkedExample.markdown(mazurStep, 0, mazur, 4, Locale.SIMPLIFIED_CHINESE);

        assertTrue(chinese.startsWith("# Mazur 的逐步示例，2-2-2"), chinese);
        assertTrue(chinese.contains("## 1. 前向传播\n") && chinese.contains("## 5. 更新\n"), chinese);
        assertFalse(chinese.contains("Forward pass"), "no English heading left");
        assertEquals(formulas(english), formulas(chinese), "only the words change");
    }

    @Test
    void theChineseWordsCoverEveryEnglishKeyAndNoOther() throws Exception {
        Properties english = new Properties();
        Properties chinese = new Properties();
        try (var in = WorkedExample.class.getResourceAsStream("handout.properties");
                var zh = WorkedExample.class.getResourceAsStream("handout_zh_CN.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            chinese.load(new InputStreamReader(zh, StandardCharsets.UTF_8));
        }
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()));
    }

    /** The display formulas of a page, in order. */
    private static List<String> formulas(String page) {
        String[] blocks = page.split("\\$\\$\n");
        List<String> formulas = new ArrayList<>();
        for (int b = 1; b < blocks.length; b += 2) {
            formulas.add(blocks[b]);
        }
        return formulas;
    }

    private static String shown(double value) {
        return SignificantNumber.latex(value, 4);
    }

    /** Where {@code number} first stands as a whole number: 0.3589 in "= 0.3589", not in "0.35891648". */
    private static int firstWhole(String text, String number) {
        Matcher whole = Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?![\\d])").matcher(text);
        return whole.find() ? whole.start() : -1;
    }

    /** Which of the five sections of the pass holds position {@code at}; −1 before the first. */
    private static int section(String handout, int at) {
        int section = -1;
        for (int s = 0; s < SECTIONS.size(); s++) {
            int start = handout.indexOf(SECTIONS.get(s));
            assertTrue(start >= 0, SECTIONS.get(s) + " is missing");
            if (start <= at) {
                section = s;
            }
        }
        return section;
    }
}
