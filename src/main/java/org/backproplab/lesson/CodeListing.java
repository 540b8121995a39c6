package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.trace.StepPhase;
import org.backproplab.trace.SubStep;

/**
 * The training step as the Code tab lists it: the lines, numbered from 0, and which of them each
 * sub-step of the pass runs. The code works a layer at a time, so a neuron's sub-step runs its
 * layer's lines.
 *
 * @param lines     the step's lines, as {@link NumpyStep} writes them
 * @param bySubStep per whole-layer sub-step (and the loss), the numbers of the lines it runs
 */
public record CodeListing(List<String> lines, Map<SubStep, List<Integer>> bySubStep) {

    public CodeListing {
        lines = List.copyOf(lines);
        bySubStep = Map.copyOf(bySubStep);
    }

    public static CodeListing of(NumpyStep step) {
        List<String> lines = new ArrayList<>();
        lines.add("# one training step on a mini-batch of the training data");
        lines.addAll(step.batch());
        Map<SubStep, List<Integer>> bySubStep = new HashMap<>();
        for (CodeBlock block : step.step()) {
            List<Integer> numbers = new ArrayList<>();
            for (String line : block.lines()) {
                // A block's comment says what the lines do; the lines themselves are what runs.
                if (!line.startsWith("#")) {
                    numbers.add(lines.size());
                }
                lines.add(line);
            }
            block.subStep().ifPresent(subStep -> bySubStep.put(subStep, List.copyOf(numbers)));
        }
        return new CodeListing(lines, bySubStep);
    }

    /** The lines sub-step {@code subStep} (of either granularity) runs. */
    public List<Integer> linesOf(SubStep subStep) {
        return bySubStep.getOrDefault(StepPhase.wholeLayer(subStep), List.of());
    }

    /** The whole listing, as the clipboard gets it. */
    public String text() {
        return String.join("\n", lines) + "\n";
    }
}
