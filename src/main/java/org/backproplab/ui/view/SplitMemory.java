package org.backproplab.ui.view;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Where the user left each split pane's divider, for each size of window: a teacher who widened the
 * boundary on the projector finds it so next time, while the same lab on a laptop keeps its own
 * choice. Positions are taken when the user lets go of a divider, never from layout, so a window
 * that squeezes a pane for a moment does not overwrite the choice.
 */
public final class SplitMemory {

    /**
     * A split pane the lab remembers.
     *
     * @param name          the name it is kept under (with the window's size class)
     * @param pane          the split pane
     * @param firstPositions where its dividers start before the user moves them
     */
    record Split(String name, SplitPane pane, double... firstPositions) {
    }

    /** Window widths that are handled as one size: projector and laptop, desktop, large screen. */
    enum SizeClass {
        SMALL, MEDIUM, LARGE;

        static SizeClass of(double width) {
            return width < 1200 ? SMALL : width < 1700 ? MEDIUM : LARGE;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, Double> positions = new HashMap<>();
    private Consumer<Map<String, Double>> keep = chosen -> { };
    private SizeClass size = SizeClass.MEDIUM;
    /** Whether a restore is already waiting for the layout pass to end. */
    private boolean restoring;

    /** Puts {@code view}'s dividers where an earlier run left them, and hands every new choice to {@code keeper}. */
    public void load(LabLayout view, Map<String, Double> remembered, Consumer<Map<String, Double>> keeper) {
        positions.clear();
        positions.putAll(remembered);
        keep = keeper;
        restore(view);
    }

    /**
     * Remembers the dividers of {@code panes} whenever the user lets go of one, and keeps them where
     * they were put whenever a pane changes size. A resized split pane would otherwise keep its items'
     * old sizes and take the whole change out of one of them: a window maximised on a projector, or a
     * pane shrinking as the step-through's panel joins beside it, would squash the graph.
     */
    void watch(LabLayout view, SplitPane... panes) {
        for (SplitPane pane : panes) {
            pane.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> record(view.splits()));
            pane.widthProperty().addListener((property, before, after) -> restoreAfterLayout(view));
            pane.heightProperty().addListener((property, before, after) -> restoreAfterLayout(view));
        }
    }

    /** After the layout pass under way, which is still sharing the change out by the old sizes. */
    private void restoreAfterLayout(LabLayout view) {
        if (!restoring) {
            restoring = true;
            Platform.runLater(() -> {
                restoring = false;
                restore(view);
            });
        }
    }

    /** Puts every divider where the user left it for this size of window, or where it starts. */
    void restore(LabLayout view) {
        for (Split split : view.splits()) {
            if (fits(split)) {
                double[] chosen = split.firstPositions().clone();
                for (int i = 0; i < chosen.length; i++) {
                    chosen[i] = positions.getOrDefault(key(split, i), chosen[i]);
                }
                split.pane().setDividerPositions(chosen);
            }
        }
    }

    /** Whether the pane holds what the split is for: as many dividers as it names. */
    private static boolean fits(Split split) {
        return split.pane().getDividers().size() == split.firstPositions().length;
    }

    /** The window changed size: a new size class brings its own dividers. */
    void sizeChanged(LabLayout view) {
        SizeClass now = SizeClass.of(view.getWidth());
        if (now != size) {
            size = now;
            restore(view);
        }
    }

    private void record(List<Split> splits) {
        boolean changed = false;
        for (Split split : splits) {
            if (fits(split)) {
                double[] now = split.pane().getDividerPositions();
                for (int i = 0; i < now.length; i++) {
                    changed |= !Objects.equals(positions.put(key(split, i), now[i]), now[i]);
                }
            }
        }
        if (changed) {
            keep.accept(Map.copyOf(positions));
        }
    }

    private String key(Split split, int divider) {
        return split.name() + "." + size.key() + (divider == 0 ? "" : "." + divider);
    }
}
