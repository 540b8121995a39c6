package org.backproplab.ui.graph;

import java.util.function.Consumer;
import javafx.scene.control.ToggleButton;
import org.backproplab.engine.LayerSpec;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Tips;

/**
 * Batch normalisation on or off for one hidden layer, in the layer strip. Pressing it asks the
 * trainer; the button shows what the network is, not what was pressed, so a refused change (a
 * batch size of 1) leaves it as it was and the notice says why.
 */
public final class BatchNormToggle extends ToggleButton {

    public BatchNormToggle(Messages messages, Consumer<TrainerCommand> send, int layer, LayerSpec spec) {
        super(messages.get("strip.batchNorm"));
        setId("batch-norm-" + layer);
        setSelected(spec.batchNorm());
        setTooltip(Tips.of(messages.get(spec.batchNorm() ? "strip.batchNorm.on.tip" : "strip.batchNorm.off.tip")));
        setFocusTraversable(false);
        getStyleClass().add("strip-toggle");
        setOnAction(event -> {
            send.accept(new TrainerCommand.SetBatchNorm(layer, !spec.batchNorm()));
            setSelected(spec.batchNorm());
        });
    }
}
