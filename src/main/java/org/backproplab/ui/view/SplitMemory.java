package org.backproplab.ui.view;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
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

    /** Puts {@code layout}'s dividers where an earlier run left them, and hands every new choice to {@code keeper}. */
    public void load(LabLayout layout, Map<String, Double> remembered, Consumer<Map<String, Double>> keeper) {
        positions.clear();
        positions.putAll(remembered);
        keep = keeper;
        restore(layout);
    }

    /** Remembers the dividers of {@code panes} whenever the user lets go of one. */
    void watch(LabLayout layout, SplitPane... panes) {
        for (SplitPane pane : panes) {
            pane.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> record(layout.splits()));
        }
    }

    /** Puts every divider where the user left it for this size of window, or where it starts. */
    void restore(LabLayout layout) {
        for (Split split : layout.splits()) {
            if (fits(split)) {
                double[] chosen = split.firstPositions().clone();
                for (int i = 0; i < chosen.length; i++) {
                    chosen[i] = positions.getOrDefault(key(split, i), chosen[i]);
                }
                split.pane().setDividerPositions(chosen);
                againAtNextSize(split.pane(), chosen);
            }
        }
    }

    /**
     * Puts the dividers there once more after the pane next changes size: a pane that shrinks because
     * another joins beside it (the step-through's panel beside the views) lays out the positions just
     * set at its old size, then takes the whole loss out of its first item.
     */
    private static void againAtNextSize(SplitPane pane, double[] chosen) {
        ChangeListener<Number> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> property, Number before, Number after) {
                pane.widthProperty().removeListener(this);
                pane.heightProperty().removeListener(this);
                // After this layout pass, which is still taking the change out of the old sizes.
                Platform.runLater(() -> pane.setDividerPositions(chosen));
            }
        };
        pane.widthProperty().addListener(once);
        pane.heightProperty().addListener(once);
    }

    /** Whether the pane holds what the split is for: as many dividers as it names. */
    private static boolean fits(Split split) {
        return split.pane().getDividers().size() == split.firstPositions().length;
    }

    /** The window changed size: a new size class brings its own dividers. */
    void sizeChanged(LabLayout layout) {
        SizeClass now = SizeClass.of(layout.getWidth());
        if (now != size) {
            size = now;
            restore(layout);
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
