package org.backproplab.lesson;

import java.util.List;
import java.util.Optional;
import org.backproplab.trace.SubStep;

/**
 * A few lines of generated Python that do one thing of the training step, tagged with the
 * sub-step of the pass they implement (at layer granularity), so the Code tab can light them up as
 * the pass reaches that sub-step and the notebook can put them under that phase's formula.
 *
 * @param subStep the layer sub-step these lines compute, or empty for lines that prepare the step
 * @param lines   the lines, without the indentation of any loop they end up in
 */
public record CodeBlock(Optional<SubStep> subStep, List<String> lines) {

    public CodeBlock {
        lines = List.copyOf(lines);
    }

    static CodeBlock of(SubStep subStep, List<String> lines) {
        return new CodeBlock(Optional.of(subStep), lines);
    }

    static CodeBlock untagged(List<String> lines) {
        return new CodeBlock(Optional.empty(), lines);
    }
}
