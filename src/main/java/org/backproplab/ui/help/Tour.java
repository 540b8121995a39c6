package org.backproplab.ui.help;

import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Tips;
import org.controlsfx.control.PopOver;

/**
 * The first-run tour: a few bubbles, one after another, each pointing at a real part of the window
 * (the network, the boundary, the training buttons …) with a sentence or two about it. Back, Next
 * and Skip move through it, as do the keys (→ or Enter, ←, Esc). The bubble does not block the
 * window, so a newcomer can try what it points at while it is open. Parts not on screen (a folded
 * settings panel) are left out rather than pointed at in the void.
 */
public final class Tour {

    /**
     * One bubble.
     *
     * @param key    the bundle prefix of its title and text ({@code tour.KEY.title}, {@code tour.KEY.text})
     * @param anchor the part of the window it points at, looked up when the tour starts
     * @param arrow  which side of the bubble the arrow is on
     * @param atX    where across the anchor the arrow points, from 0 (left) to 1 (right)
     * @param atY    where down the anchor the arrow points, from 0 (top) to 1 (bottom)
     */
    public record Stop(String key, Supplier<Node> anchor, PopOver.ArrowLocation arrow, double atX, double atY) {
    }

    private final Messages messages;
    private final List<Stop> stops;
    private final Runnable onSeen;
    private final VBox content;
    /** The bubble on show; a new one for each stop, sized to its own text (see {@link #showCurrent}). */
    private PopOver bubble = new PopOver();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label progress = new Label();
    private final Button back = new Button();
    private final Button next = new Button();
    private List<Stop> shown = List.of();
    private int index;

    /** @param onSeen called once the user has finished or skipped the tour */
    public Tour(Messages messages, List<Stop> stops, Runnable onSeen) {
        this.messages = messages;
        this.stops = List.copyOf(stops);
        this.onSeen = onSeen;
        title.getStyleClass().add("tour-title");
        text.getStyleClass().add("tour-text");
        text.setWrapText(true);
        progress.getStyleClass().add("tour-progress");
        back.setText(messages.get("tour.back"));
        back.setId("tour-back");
        back.setTooltip(Tips.of(messages.get("tip.tour.back")));
        back.setOnAction(event -> back());
        next.setId("tour-next");
        next.setTooltip(Tips.of(messages.get("tip.tour.next")));
        next.getStyleClass().add("default-action");
        next.setOnAction(event -> next());
        Button skip = new Button(messages.get("tour.skip"));
        skip.setId("tour-skip");
        skip.setTooltip(Tips.of(messages.get("tip.tour.skip")));
        skip.setOnAction(event -> finish());
        for (Button button : List.of(back, next, skip)) {
            button.setFocusTraversable(false);
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        // The buttons and "3 of 6" keep their words; the text above wraps to the width they leave.
        progress.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, spacer, skip, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        content = new VBox(8, title, text, buttons);
        content.getStyleClass().add("tour-bubble");
    }

    /** Starts from the first bubble whose part of the window is on screen. */
    public void start() {
        shown = stops.stream().filter(stop -> onScreen(stop.anchor().get())).toList();
        if (shown.isEmpty()) {
            return;
        }
        index = 0;
        showCurrent();
    }

    void next() {
        if (!isShowing()) {
            return;
        }
        if (index == shown.size() - 1) {
            finish();
        } else {
            index++;
            showCurrent();
        }
    }

    void back() {
        if (isShowing() && index > 0) {
            index--;
            showCurrent();
        }
    }

    /** Ends the tour, finished or skipped: either way it has been seen. */
    void finish() {
        if (isShowing()) {
            bubble.hide();
            onSeen.run();
        }
    }

    /** Takes the bubble away without counting the tour as seen (the window is being rebuilt). */
    public void interrupt() {
        bubble.hide();
    }

    public boolean isShowing() {
        return bubble.isShowing();
    }

    /** The bubble on show (for tests). */
    public Stop current() {
        return shown.get(index);
    }

    public PopOver bubble() {
        return bubble;
    }

    private void showCurrent() {
        Stop stop = shown.get(index);
        Node anchor = stop.anchor().get();
        if (!onScreen(anchor)) {
            // Its part of the window went away since the tour began (a panel hidden, presenter
            // view): on to the next stop that is still there, or the end.
            if (index == shown.size() - 1) {
                finish();
            } else {
                index++;
                showCurrent();
            }
            return;
        }
        title.setText(messages.get("tour." + stop.key() + ".title"));
        text.setText(messages.get("tour." + stop.key() + ".text"));
        progress.setText(messages.format("tour.progress", index + 1, shown.size()));
        back.setDisable(index == 0);
        next.setText(messages.get(index == shown.size() - 1 ? "tour.done" : "tour.next"));
        Bounds bounds = anchor.localToScreen(anchor.getBoundsInLocal());
        // A new bubble each time: one moved while showing keeps its old size and arrow side.
        bubble.hide();
        bubble = newBubble(stop.arrow());
        bubble.show(anchor, bounds.getMinX() + stop.atX() * bounds.getWidth(),
                bounds.getMinY() + stop.atY() * bounds.getHeight());
    }

    private PopOver newBubble(PopOver.ArrowLocation arrow) {
        PopOver made = new PopOver(content);
        made.setArrowLocation(arrow);
        made.setDetachable(false);
        made.setAnimated(false);
        // The window stays usable beside the bubble; Esc ends the tour (and counts it as seen).
        made.setAutoHide(false);
        made.setHideOnEscape(false);
        made.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        return made;
    }

    private void key(KeyEvent event) {
        switch (event.getCode()) {
            case RIGHT, KP_RIGHT, ENTER -> next();
            case LEFT, KP_LEFT -> back();
            case ESCAPE -> finish();
            default -> {
                return;
            }
        }
        event.consume();
    }

    /** Whether a part of the window is shown: in a showing scene, with every parent visible, and with a size. */
    private static boolean onScreen(Node node) {
        if (node == null || node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        Bounds bounds = node.getLayoutBounds();
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
