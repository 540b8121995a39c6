package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The notebook is valid nbformat 4 (checked here against the format's required keys, since the
 * nbformat package is not installed) and reads as the issue asks: data and network, then each phase
 * of the first step as its formula above its code, in the teacher's language.
 */
class JupyterNotebookTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode notebook(String lesson, Locale locale) throws Exception {
        return MAPPER.readTree(JupyterNotebook.json(RecordedRun.of(LessonCatalog.load(lesson), 2), locale));
    }

    @Test
    void theTitleIsTheLessonsOwnInTheNotebooksLanguageAsLiteralMarkdown() throws Exception {
        String chinese = notebook("mazur-2-2-2", Locale.SIMPLIFIED_CHINESE).get("cells").get(0).get("source").get(0).asText();
        assertEquals("# Mazur 的逐步示例，2-2-2：用 NumPy 计算 2 个训练步\n", chinese);

        Lesson xor = LessonCatalog.load("xor");
        Lesson starred = new Lesson("XOR *fast* [v2]", xor.commentary(), xor.features(), xor.layers(), xor.initializer(),
                xor.weights(), xor.hyperparameters(), xor.batchSize(), xor.seed(), xor.data(), java.util.Map.of());
        String english = MAPPER.readTree(JupyterNotebook.json(RecordedRun.of(starred, 1), Locale.ENGLISH))
                .get("cells").get(0).get("source").get(0).asText();
        assertTrue(english.startsWith("# XOR \\*fast\\* \\[v2\\]: 1 training steps"), english);
    }

    @Test
    void isAValidNbformat4Notebook() throws Exception {
        JsonNode notebook = notebook("moons", Locale.ENGLISH);

        assertEquals(4, notebook.get("nbformat").asInt());
        assertTrue(notebook.get("nbformat_minor").isInt());
        assertTrue(notebook.get("metadata").isObject());
        assertEquals("python3", notebook.get("metadata").get("kernelspec").get("name").asText());
        Set<String> ids = new HashSet<>();
        for (JsonNode cell : notebook.get("cells")) {
            String type = cell.get("cell_type").asText();
            assertTrue(type.equals("markdown") || type.equals("code"), type);
            // nbformat 4.5 cell ids: 1 to 64 letters, digits, - or _, unique in the notebook.
            String id = cell.get("id").asText();
            assertTrue(id.matches("[a-zA-Z0-9-_]{1,64}") && ids.add(id), id);
            assertTrue(cell.get("metadata").isObject());
            assertTrue(cell.get("source").isArray());
            List<String> lines = new ArrayList<>();
            cell.get("source").forEach(line -> lines.add(line.asText()));
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(i < lines.size() - 1, lines.get(i).endsWith("\n"), "each line but the last ends in a line break");
                assertFalse(lines.get(i).substring(0, lines.get(i).length() - (lines.get(i).endsWith("\n") ? 1 : 0)).contains("\n"));
            }
            if (type.equals("code")) {
                assertTrue(cell.get("execution_count").isNull());
                assertTrue(cell.get("outputs").isArray());
            } else {
                assertFalse(cell.has("outputs"));
            }
        }
    }

    @Test
    void eachPhaseOfTheFirstStepIsItsFormulaAboveItsCode() throws Exception {
        JsonNode cells = notebook("mazur-2-2-2", Locale.ENGLISH).get("cells");
        List<String> texts = new ArrayList<>();
        cells.forEach(cell -> texts.add(cell.get("cell_type").asText() + ": " + String.join("", lines(cell))));

        int forward = index(texts, "markdown: ### Forward pass");
        // The handouts' formulas, from the trace: Mazur's E, and his fixed biases left as they are.
        assertTrue(texts.get(forward).contains("z_{1}^{(1)} &= w_{11}^{(1)} \\cdot x_{1} + w_{12}^{(1)} \\cdot x_{2} + b_{1}^{(1)}"),
                texts.get(forward));
        assertTrue(texts.get(forward + 1).contains("z1 = W1 @ X + b1\na1 = sigmoid(z1)"), texts.get(forward + 1));
        assertEquals(forward + 2, index(texts, "markdown: ### Loss"));
        assertTrue(texts.get(forward + 3).contains("loss = np.mean(np.sum(0.5 * (y - a2) ** 2, axis=0))"));
        assertEquals(forward + 4, index(texts, "markdown: ### Backward pass"));
        assertTrue(texts.get(forward + 5).contains("delta1 = (W2.T @ delta2) * a1 * (1 - a1)"));
        assertEquals(forward + 6, index(texts, "markdown: ### Gradients"));
        assertTrue(texts.get(forward + 2).contains("E &= \\tfrac{1}{2}(t_{1} - o_{1})^{2}"), texts.get(forward + 2));
        assertEquals(forward + 8, index(texts, "markdown: ### Update"));
        assertTrue(texts.get(forward + 8).contains("b_{1}^{(1)} &\\leftarrow b_{1}^{(1)}\n"), texts.get(forward + 8));
        assertTrue(texts.get(forward + 9).contains("W2 -= learning_rate * dW2"));
        assertTrue(index(texts, "markdown: ## Data") < forward && index(texts, "markdown: ## Network") < forward);
    }

    @Test
    void speaksChineseWhenAsked() throws Exception {
        JsonNode cells = notebook("xor", Locale.SIMPLIFIED_CHINESE).get("cells");
        List<String> markdown = new ArrayList<>();
        cells.forEach(cell -> {
            if (cell.get("cell_type").asText().equals("markdown")) {
                markdown.add(String.join("", lines(cell)));
            }
        });
        assertTrue(markdown.stream().anyMatch(text -> text.startsWith("### 前向传播")), markdown.toString());
        assertTrue(markdown.stream().anyMatch(text -> text.startsWith("## 核对")), markdown.toString());
    }

    private static List<String> lines(JsonNode cell) {
        List<String> lines = new ArrayList<>();
        cell.get("source").forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static int index(List<String> texts, String start) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no cell starts with " + start);
    }
}
