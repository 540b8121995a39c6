package org.backproplab.ui.graph;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.TextWidth;
import org.backproplab.ui.common.Tips;

/**
 * A hidden layer's dropout rate in the layer strip: shows the rate in use, offers the usual ones,
 * and sends the choice to the trainer, which applies it at the next step (one undo step).
 */
public final class DropoutMenu extends MenuButton {

    /** The rates a class tries: none, then up to half, where a small layer starts to lose what it learned. */
    static final List<Double> USUAL = List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5);
    /** What the menu's arrow and padding take beside its text. */
    private static final double ARROW_ROOM = 36;

    /** @param rate the rate the layer uses now, offered too if it is not a usual one */
    public DropoutMenu(Messages messages, Consumer<TrainerCommand> send, int layer, double rate) {
        NumberText numbers = new NumberText(messages.locale());
        String full = rate == 0 ? messages.get("strip.dropout.off") : messages.format("strip.dropout", numbers.plain(rate));
        // In a narrow column the rate alone, as the formulas write it, rather than an ellipsis.
        String brief = "p = " + numbers.plain(rate);
        setText(full);
        widthProperty().addListener((property, before, width) ->
                setText(width.doubleValue() >= TextWidth.of(full, getFont()) + ARROW_ROOM ? full : brief));
        setId("dropout-" + layer);
        setTooltip(Tips.of(messages.get("strip.dropout.tip")));
        setFocusTraversable(false);
        getStyleClass().addAll("strip-menu", "dropout-menu");
        if (rate > 0) {
            getStyleClass().add("dropping");
        }
        setMinWidth(0);
        TreeSet<Double> offered = new TreeSet<>(USUAL);
        offered.add(rate);
        ToggleGroup group = new ToggleGroup();
        for (double choice : offered) {
            RadioMenuItem item = new RadioMenuItem(choice == 0 ? messages.get("strip.dropout.none")
                    : messages.format("strip.dropout.rate", numbers.plain(choice)));
            item.setToggleGroup(group);
            item.setSelected(choice == rate);
            item.setOnAction(event -> {
                if (choice != rate) {
                    send.accept(new TrainerCommand.SetDropout(layer, choice));
                }
            });
            getItems().add(item);
        }
    }
}
