package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercise sheets: the engine's answers, variants that differ and come back from their seed, one blank per question. */
class ExerciseSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Lesson load(String name) {
        try {
            return LessonCatalog.load(name);
        } catch (LessonException e) {
            throw new AssertionError(e);
        }
    }

    /** XOR trained on mini-batches with momentum, an L2 penalty and clipping tight enough to bite. */
    private static Lesson everySetting() {
        Lesson xor = load("xor");
        return xor.withHyperparameters(xor.hyperparameters()
                .withOptimizer(new OptimizerSettings.Momentum(0.5, 0.9))
                .withRegularization(new Regularization(Regularization.Kind.L2, 0.01))
                .withGradientClipNorm(0.05));
    }

    @Test
    void everyAnswerInExercisesJsonIsWhatTheEngineComputesForThatVariantsLessonReadBack() throws Exception {
        for (Lesson lesson : List.of(load("mazur-2-2-2"), load("xor"), load("softmax-3"), everySetting(),
                load("moons").withHyperparameters(load("moons").hyperparameters().withOptimizer(new OptimizerSettings.Adam(0.03))))) {
            Path folder = dir.resolve(Integer.toHexString(lesson.hashCode()));
            ExerciseFiles.write(lesson, 3, 17, 1 % ExerciseSet.trainingSamples(lesson), Locale.ENGLISH, folder);
            JsonNode root = JSON.readTree(Files.readString(folder.resolve("exercises.json")));

            assertEquals(lesson.title(), root.get("lesson").asText());
            assertEquals(3, root.get("variants").size());
            int checked = 0;
            for (JsonNode variant : root.get("variants")) {
                Lesson read = LessonFile.parse(variant.get("lesson").toString(), "variant.json");
                int sample = sampleOf(read, variant);
                StepTrace trace = Experiment.of(read).learner().tracedSample(sample);
                for (JsonNode question : variant.get("questions")) {
                    assertEquals(expected(trace, question), question.get("answer").asDouble(), 0.0, question.toString());
                    checked++;
                }
                assertEquals(questionCount(trace), variant.get("questions").size(), "every z, a, loss, δ, gradient and new value");
            }
            assertTrue(checked > 0);
        }
    }

    /** The training sample whose inputs and targets the variant lists: the file names it by its numbers. */
    private static int sampleOf(Lesson lesson, JsonNode variant) {
        var data = Experiment.of(lesson).learner().data();
        for (int s = 0; s < data.trainSize(); s++) {
            boolean same = true;
            for (int r = 0; r < data.trainInputs().numRows; r++) {
                same &= data.trainInputs().get(r, s) == variant.get("inputs").get(r).asDouble();
            }
            for (int r = 0; r < data.trainTargets().numRows; r++) {
                same &= data.trainTargets().get(r, s) == variant.get("targets").get(r).asDouble();
            }
            if (same) {
                return s;
            }
        }
        throw new AssertionError("no training sample has the inputs and targets of " + variant.get("variant"));
    }

    /** The loss; per neuron z, a, δ and ∂E/∂b, and its new bias if biases train; per weight ∂E/∂w and its new value. */
    private static int questionCount(StepTrace trace) {
        int count = 1;
        for (LayerTrace layer : trace.layers()) {
            count += layer.size() * (trace.biasesTrained() ? 5 : 4) + layer.size() * layer.inputSize() * 2;
        }
        return count;
    }

    /** The trace's number a question names, positions counted from 1 as the file counts them. */
    private static double expected(StepTrace trace, JsonNode question) {
        String quantity = question.get("quantity").asText();
        if (quantity.equals("loss")) {
            assertFalse(question.has("layer") || question.has("neuron") || question.has("input"), question.toString());
            return trace.loss();
        }
        LayerTrace layer = trace.layers().get(question.get("layer").asInt() - 1);
        int j = question.get("neuron").asInt() - 1;
        boolean weight = quantity.equals("weightGradient") || quantity.equals("weight");
        assertEquals(weight, question.has("input"), "only weights name their input: " + question);
        int i = weight ? question.get("input").asInt() - 1 : -1;
        return switch (quantity) {
            case "z" -> layer.z().get(j, 0);
            case "a" -> layer.a().get(j, 0);
            case "delta" -> layer.delta().get(j, 0);
            case "weightGradient" -> layer.weightGradient().get(j, i);
            case "biasGradient" -> layer.biasGradient().get(j, 0);
            case "weight" -> layer.weightsAfter().get(j, i);
            case "bias" -> layer.biasesAfter().get(j, 0);
            default -> throw new AssertionError("unknown quantity " + quantity);
        };
    }

    @Test
    void theSameSeedGivesTheSameSheetsAndEachVariantHasItsOwnWeights() throws Exception {
        Lesson xor = load("xor");
        Path first = dir.resolve("first");
        Path again = dir.resolve("again");
        Path other = dir.resolve("other");
        ExerciseFiles.write(xor, 6, 2024, 0, Locale.ENGLISH, first);
        ExerciseFiles.write(xor, 6, 2024, 0, Locale.ENGLISH, again);
        ExerciseFiles.write(xor, 6, 2025, 0, Locale.ENGLISH, other);

        for (String file : List.of("exercises.json", "sheet-1.md", "answers-6.md")) {
            assertEquals(Files.readString(first.resolve(file)), Files.readString(again.resolve(file)), file);
            assertNotEquals(Files.readString(first.resolve(file)), Files.readString(other.resolve(file)), file);
        }
        List<Exercise> variants = ExerciseSet.draw(xor, 6, 2024, 0);
        Set<List<LayerWeights>> distinct = new HashSet<>();
        Set<String> sheets = new HashSet<>();
        for (Exercise variant : variants) {
            distinct.add(variant.lesson().weights().orElseThrow());
            sheets.add(ExerciseSheet.sheet(variant, Locale.ENGLISH));
            assertEquals(xor.withWeights(variant.lesson().weights().orElseThrow()), variant.lesson(),
                    "only the weights change: data, settings and seed are the lesson's");
        }
        assertEquals(6, distinct.size(), "six variants, six sets of weights");
        assertEquals(6, sheets.size(), "six different sheets");
        assertEquals(variants.subList(0, 2), ExerciseSet.draw(xor, 2, 2024, 0), "asking for fewer keeps the first ones");
    }

    @Test
    void weightsAndBiasesAreTwoDecimalNumbersFromMinusOneToOne() {
        for (Exercise variant : ExerciseSet.draw(load("mazur-2-2-2"), 20, 5, 0)) {
            for (LayerWeights layer : variant.lesson().weights().orElseThrow()) {
                List<Double> numbers = new ArrayList<>();
                for (double w : layer.weights().values()) {
                    numbers.add(w);
                }
                for (double b : layer.biases().values()) {
                    numbers.add(b);
                }
                for (double number : numbers) {
                    assertTrue(Math.abs(number) <= 1, number + " is within ±1");
                    assertEquals(Math.round(number * 100) / 100.0, number, 0.0, number + " has two decimals");
                    assertTrue(Double.toString(number).length() <= 5, number + " prints as typed");
                }
            }
        }
    }

    @Test
    void theSheetHasOneBlankPerQuestionAndTheKeyWorksOutEachAnswerOnce() {
        Exercise variant = ExerciseSet.draw(load("mazur-2-2-2"), 1, 3, 0).getFirst();
        String sheet = ExerciseSheet.sheet(variant, Locale.ENGLISH);
        String answers = ExerciseSheet.answers(variant, Locale.ENGLISH);
        int questions = variant.questions().size();

        assertEquals(33, questions, "Mazur's 2-2-2: 8 z and a, the loss, 4 δ, 12 gradients, 8 new weights (its biases are fixed)");
        assertEquals(questions, count(sheet, ExerciseSheet.BLANK), "one blank per question");
        assertEquals(0, count(answers, ExerciseSheet.BLANK), "the key has no blanks");
        List<String> items = numbered(answers);
        assertEquals(questions, items.size(), "the key numbers every question once");
        assertEquals(questions, numbered(sheet).size(), "the sheet numbers every question once");
        for (int q = 0; q < questions; q++) {
            ExerciseQuestion question = variant.questions().get(q);
            String shown = "&= " + SignificantNumber.latex(question.answer(), ExerciseSheet.DIGITS) + "\n\\end{aligned}";
            assertTrue(items.get(q).contains(shown), "question " + (q + 1) + " ends on its answer " + shown + ":\n" + items.get(q));
            String blank = "$" + new HandoutMarkdown(ExerciseSheet.DIGITS, Locale.ENGLISH).latex(question.asked().subject());
            assertTrue(numbered(sheet).get(q).startsWith(blank), numbered(sheet).get(q) + " asks for " + blank);
        }
        assertFalse(sheet.contains("0.5933"), "the sheet gives away no answer, not even Mazur's");
    }

    @Test
    void theSheetStatesTheRulesTheStepUsesWithEverySetting() {
        String sheet = ExerciseSheet.sheet(ExerciseSet.draw(everySetting(), 1, 9, 0).getFirst(), Locale.ENGLISH);

        assertTrue(sheet.contains("with momentum, $\\eta = 0.5$, $\\mu = 0.9$"), sheet);
        assertTrue(sheet.contains("L2 penalty"), sheet);
        assertTrue(sheet.contains("Gradient clipping: if all gradients together are longer than $0.05$"), sheet);
        assertTrue(sheet.contains("v_{11}^{(1)} &\\leftarrow \\mu \\cdot v_{11}^{(1)}"), "the momentum rule in symbols:\n" + sheet);
        assertTrue(sheet.contains("mini-batches of 4; this exercise takes one sample"), sheet);
    }

    @Test
    void chineseSheetsHaveChineseHeadingsAndTheLessonsChineseTitle() {
        Exercise variant = ExerciseSet.draw(load("xor"), 1, 3, 0).getFirst();
        for (String page : List.of(ExerciseSheet.sheet(variant, Locale.SIMPLIFIED_CHINESE),
                ExerciseSheet.answers(variant, Locale.SIMPLIFIED_CHINESE))) {
            assertTrue(page.startsWith("# 2-3-1 sigmoid 网络学习异或（XOR）"), page);
            for (String heading : List.of("## 网络", "## 样本", "## 1. 前向传播", "## 2. 损失", "## 3. 反向传播", "## 4. 梯度", "## 5. 更新")) {
                assertTrue(page.contains(heading + "\n"), heading);
            }
            assertFalse(page.contains("Forward pass") || page.contains("The network"), "no English heading left");
        }
    }

    @Test
    void theLatexIsBalancedAndUsesOnlyStandardCommands() {
        Set<String> standard = Set.of("begin", "end", "frac", "tfrac", "cdot", "leftarrow", "quad", "qquad", "underline",
                "partial", "delta", "eta", "mu", "lambda", "sigma", "beta", "epsilon", "varepsilon", "sqrt", "sum", "max",
                "tanh", "operatorname", "odot", "times", "le", "ge", "leq", "geq", "neq", "ne", "lt", "gt", "infty", "pm", "min", "left", "right", "hat", "Delta", "mathrm", "ln", "log", "text", "exp");
        for (Lesson lesson : List.of(load("mazur-2-2-2"), load("xor"), load("softmax-3"), everySetting())) {
            Exercise variant = ExerciseSet.draw(lesson, 1, 8, 0).getFirst();
            for (String page : List.of(ExerciseSheet.sheet(variant, Locale.ENGLISH), ExerciseSheet.answers(variant, Locale.ENGLISH))) {
                String[] blocks = page.split("\\$\\$\n");
                assertEquals(1, blocks.length % 2, "every $$ has its closing $$");
                List<String> math = new ArrayList<>();
                for (int b = 0; b < blocks.length; b++) {
                    if (b % 2 == 1) {
                        math.add(blocks[b]);
                        assertFalse(blocks[b].contains("\n\n"), "a blank line would end the formula in Markdown: " + blocks[b]);
                    } else {
                        String[] inline = blocks[b].replace("\\$", "").split("\\$", -1);
                        assertEquals(1, inline.length % 2, "every $ has its closing $: " + blocks[b]);
                        for (int i = 1; i < inline.length; i += 2) {
                            math.add(inline[i]);
                        }
                    }
                }
                for (String latex : math) {
                    assertEquals(latex.chars().filter(c -> c == '{').count(), latex.chars().filter(c -> c == '}').count(), latex);
                    assertEquals(count(latex, "\\begin{"), count(latex, "\\end{"), latex);
                    Matcher command = Pattern.compile("\\\\([a-zA-Z]+)").matcher(latex);
                    while (command.find()) {
                        assertTrue(standard.contains(command.group(1)), "\\" + command.group(1) + " in " + latex);
                    }
                }
            }
        }
    }

    @Test
    void aSampleTheLessonDoesNotHaveOrNoVariantsAreRefusedInOneLine() {
        Lesson xor = load("xor");
        IllegalArgumentException sample = assertThrows(IllegalArgumentException.class, () -> ExerciseSet.draw(xor, 2, 1, 4));
        assertEquals("the sample must be from 0 to 3 (the lesson has 4 training samples), got 4", sample.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> ExerciseSet.draw(xor, 0, 1, 0));
        assertFalse(none.getMessage().contains("\n"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** The text of each numbered question, "**1.** …" up to the next one or the next heading. */
    private static List<String> numbered(String page) {
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("(?s)\\*\\*(\\d+)\\.\\*\\* (.*?)(?=\\*\\*\\d+\\.\\*\\*|\n#|\\z)").matcher(page);
        int expected = 1;
        while (item.find()) {
            assertEquals(expected++, Integer.parseInt(item.group(1)), "questions are numbered in order");
            items.add(item.group(2));
        }
        return items;
    }
}
