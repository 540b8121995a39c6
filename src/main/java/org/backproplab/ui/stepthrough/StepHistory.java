package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.backproplab.training.LabSnapshot;

/**
 * The recent passes, oldest first, for scrubbing back over them. Bounded twice: at most
 * {@link #MAX_PASSES} passes, and at most {@link #CELL_BUDGET} heatmap values kept alive (the
 * heatmaps are nearly all of a pass's memory: about 1 MB for a 2-2-2 net, up to 8 MB for the
 * largest). The oldest passes go first; the newest always stays.
 */
final class StepHistory {

    static final int MAX_PASSES = 50;
    /** 2²³ doubles, 64 MiB: fifty passes of a small net, at least eight of the largest. */
    static final long CELL_BUDGET = 1L << 23;

    private final List<StepPass> passes = new ArrayList<>();
    private final int maxPasses;
    private final long cellBudget;

    StepHistory() {
        this(MAX_PASSES, CELL_BUDGET);
    }

    StepHistory(int maxPasses, long cellBudget) {
        this.maxPasses = maxPasses;
        this.cellBudget = cellBudget;
    }

    /** Adds the newest pass, dropping the oldest ones that no longer fit. */
    void add(StepPass pass) {
        passes.add(pass);
        while (passes.size() > 1 && (passes.size() > maxPasses || cells() > cellBudget)) {
            passes.removeFirst();
        }
    }

    int size() {
        return passes.size();
    }

    boolean isEmpty() {
        return passes.isEmpty();
    }

    StepPass get(int index) {
        return passes.get(index);
    }

    /** Heatmap values held; a snapshot shared by two passes (one's after, the next one's before) counts once. */
    long cells() {
        Set<LabSnapshot> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StepPass pass : passes) {
            kept.add(pass.before());
            kept.add(pass.after());
        }
        return kept.stream().mapToLong(StepPass::cells).sum();
    }
}
