package org.backproplab.ui.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.ChoiceText;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberChoice;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.common.UsualRates;
import org.backproplab.ui.common.WholeNumberText;
import org.backproplab.ui.graph.BatchNormToggle;
import org.backproplab.ui.graph.DropoutMenu;

/**
 * The settings a class changes in run B: learning rate, optimizer, batch size, regularization, the
 * initializer, and each hidden layer's activation, dropout and batch normalisation. Every change is a
 * command to B's trainer, as the lab's own settings are to its trainer; the controls follow B's
 * snapshots once those reflect every command sent, so nothing just chosen is set back by an older
 * one. The initializer alone is not a command to B: new starting weights mean a new race, so the
 * window starts both runs again.
 */
final class SettingsOfB extends FlowPane {

    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    private final NumberChoice learningRate;
    private final ChoiceBox<String> optimizer = new ChoiceBox<>();
    private final Spinner<Integer> batchSize = new Spinner<>();
    private final ChoiceBox<Regularization.Kind> regularization = new ChoiceBox<>();
    private final NumberChoice regularizationRate;
    private final ChoiceBox<Initializer> initializer = new ChoiceBox<>();
    private final List<ChoiceBox<Activation>> activations = new ArrayList<>();
    /** Per hidden layer: its activation, then its dropout menu and batch-normalisation toggle, remade as they change. */
    private final List<HBox> layerRows = new ArrayList<>();
    /** The layers those controls were made for: remade only when one changes, not every frame. */
    private final List<LayerSpec> remediesShown = new ArrayList<>();
    private Lesson settings;
    private boolean syncing;

    SettingsOfB(Messages messages, Consumer<TrainerCommand> send, Consumer<Initializer> initializerChosen, Lesson b) {
        super(12, 6);
        this.messages = messages;
        this.send = send;
        this.settings = b;
        learningRate = new NumberChoice(messages, UsualRates.LEARNING, rate -> rate > 0,
                messages.get("settings.learningRate.tip"), messages.get("settings.learningRate.invalid"));
        learningRate.setId("compare-learning-rate");
        learningRate.setOnChosen(rate -> send.accept(new TrainerCommand.SetLearningRate(rate)));
        learningRate.setPrefWidth(90);

        optimizer.setId("compare-optimizer");
        optimizer.getItems().setAll(OptimizerSettings.IDS);
        optimizer.setConverter(ChoiceText.of(id -> messages.get("optimizer." + id)));
        optimizer.valueProperty().addListener((property, was, id) -> {
            if (!syncing && id != null && !id.equals(settings.hyperparameters().optimizer().id())) {
                send.accept(new TrainerCommand.SetOptimizer(
                        OptimizerSettings.usual(id, settings.hyperparameters().optimizer().learningRate())));
            }
        });

        batchSize.setId("compare-batch-size");
        batchSize.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, LessonFile.MAX_POINTS, b.batchSize()));
        WholeNumberText.install(batchSize, messages.locale());
        batchSize.setEditable(true);
        batchSize.setPrefWidth(90);
        batchSize.setTooltip(Tips.of(messages.get("settings.batchSize.tip")));
        batchSize.valueProperty().addListener((property, was, size) -> {
            if (!syncing && size != null && size != settings.batchSize()) {
                send.accept(new TrainerCommand.SetBatchSize(size));
            }
        });

        regularization.setId("compare-regularization");
        regularization.getItems().setAll(Regularization.Kind.values());
        regularization.setConverter(ChoiceText.of(kind -> messages.get("regularization." + kind.id())));
        regularization.setTooltip(Tips.of(messages.get("tip.settings.regularization")));
        regularization.valueProperty().addListener((property, was, kind) ->
                sendRegularization(kind, settings.hyperparameters().regularization().rate()));
        regularizationRate = new NumberChoice(messages, UsualRates.REGULARIZATION, rate -> rate >= 0,
                messages.get("settings.regularizationRate.tip"), messages.get("settings.regularizationRate.invalid"));
        regularizationRate.setId("compare-regularization-rate");
        regularizationRate.setOnChosen(rate -> sendRegularization(regularization.getValue(), rate));
        regularizationRate.setPrefWidth(90);

        initializer.setId("compare-initializer");
        initializer.getItems().setAll(Initializer.values());
        initializer.setConverter(ChoiceText.of(choice -> messages.get("initializer." + choice.id())));
        initializer.setTooltip(Tips.of(messages.get("compare.initializer.tip")));
        initializer.valueProperty().addListener((property, was, chosen) -> {
            if (!syncing && chosen != null && chosen != settings.initializer()) {
                initializerChosen.accept(chosen);
            }
        });

        for (int l = 0; l < b.layers().size() - 1; l++) {
            activations.add(activationChoice(l));
            HBox row = new HBox(4, activations.getLast());
            row.setAlignment(Pos.CENTER_LEFT);
            layerRows.add(row);
            remediesShown.add(null);
        }
        Label name = new Label(messages.get("compare.settingsOfB"));
        name.getStyleClass().add("compare-run-name");
        getChildren().addAll(name,
                labelled("settings.learningRate", learningRate),
                labelled("settings.optimizer", optimizer),
                labelled("settings.batchSize", batchSize),
                labelled("settings.regularization", new HBox(4, regularization, regularizationRate)),
                labelled("compare.initializer", initializer));
        // Flowing on after the other settings: a deep network's layers take the room there is.
        getChildren().addAll(layerRows);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("compare-settings");
        show(b);
    }

    /** Follows B's settings once the snapshot reflects every command sent to B. */
    void show(TrainerSnapshot snapshot, boolean settled) {
        if (settled) {
            show(snapshot.settings());
        }
    }

    private void show(Lesson b) {
        settings = b;
        syncing = true;
        learningRate.show(b.hyperparameters().optimizer().learningRate());
        optimizer.setValue(b.hyperparameters().optimizer().id());
        if (batchSize.getValue() != b.batchSize()) {
            batchSize.getValueFactory().setValue(b.batchSize());
        }
        regularization.setValue(b.hyperparameters().regularization().kind());
        regularizationRate.show(b.hyperparameters().regularization().rate());
        regularizationRate.setDisable(b.hyperparameters().regularization().kind() == Regularization.Kind.NONE);
        initializer.setValue(b.initializer());
        for (int l = 0; l < activations.size(); l++) {
            LayerSpec layer = b.layers().get(l);
            activations.get(l).setValue(layer.activation());
            if (!layer.equals(remediesShown.get(l))) {
                // The strip's own controls, made for the layer as it is now (they show what they were made with).
                layerRows.get(l).getChildren().setAll(activations.get(l), new DropoutMenu(messages, send, l, layer.dropout()),
                        new BatchNormToggle(messages, send, l, layer));
                remediesShown.set(l, layer);
            }
        }
        syncing = false;
    }

    private ChoiceBox<Activation> activationChoice(int layer) {
        ChoiceBox<Activation> choice = new ChoiceBox<>();
        choice.setId("compare-activation-" + layer);
        // Softmax belongs to an output layer only; hidden layers offer the rest.
        choice.getItems().setAll(Arrays.stream(Activation.values()).filter(f -> f != Activation.SOFTMAX).toList());
        choice.setConverter(ChoiceText.of(f -> messages.format("compare.layerActivation", layer + 1,
                messages.get("activation." + f.id()))));
        choice.valueProperty().addListener((property, was, activation) -> {
            if (!syncing && activation != null && activation != settings.layers().get(layer).activation()) {
                send.accept(new TrainerCommand.SetActivation(layer, activation));
            }
        });
        return choice;
    }

    private void sendRegularization(Regularization.Kind kind, double rate) {
        if (syncing || kind == null) {
            return;
        }
        // A penalty at rate 0 does nothing: it starts at the usual small rate, as in the lab's settings.
        double chosen = kind == Regularization.Kind.NONE ? 0 : rate > 0 ? rate : UsualRates.REGULARIZATION_START;
        Regularization wanted = new Regularization(kind, chosen);
        if (!wanted.equals(settings.hyperparameters().regularization())) {
            send.accept(new TrainerCommand.SetRegularization(wanted));
        }
    }

    private Node labelled(String key, Node control) {
        HBox row = new HBox(6, new Label(messages.get(key)), control);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
