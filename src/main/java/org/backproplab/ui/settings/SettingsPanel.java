package org.backproplab.ui.settings;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.data.Generator;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Loss;
import org.backproplab.engine.NetworkRules;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.DataSpec;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonConsistency;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.ChoiceText;
import org.backproplab.ui.common.Icons;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberChoice;
import org.backproplab.ui.common.NumberInput;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.common.UsualRates;
import org.backproplab.ui.common.WholeNumberText;
import org.controlsfx.control.SegmentedButton;

/**
 * The lab's settings at the side of the window: the data (which set, noise, how much is held out,
 * drawing it again, the seed) and how the network trains (learning rate, optimizer, batch size,
 * learning-rate schedule, loss, regularization). Every change goes to the trainer at once and applies without a reset.
 * The controls show the trainer's settings, and are set from a snapshot only once it reflects
 * every command sent, so nothing the user just chose is undone by an older snapshot.
 */
public final class SettingsPanel extends ScrollPane {

    /** The choice for the points written out in the lesson itself, next to the generators. */
    static final String LESSON_POINTS = "lesson";

    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    /** The lesson's own points, if it has them, so the data set can go back to them. */
    private final DataSpec.Inline lessonPoints;

    private final ComboBox<String> dataSet = new ComboBox<>();
    private final Slider noise = new Slider(0, 50, 0);
    private final Label noiseText = new Label();
    private final Slider trainShare = new Slider(10, 100, 50);
    private final Label trainShareText = new Label();
    private final Label pointCount = new Label();
    private final TextField seed = new TextField();
    private final NumberChoice learningRate;
    /** SGD, momentum, Adam, RMSprop: one is always chosen. */
    private final List<ToggleButton> optimizers;
    private final ScheduleEditor schedule;
    private final Spinner<Integer> batchSize = new Spinner<>();
    private final ComboBox<Loss> loss = new ComboBox<>();
    private final ChoiceBox<Regularization.Kind> regularization = new ChoiceBox<>();
    private final NumberChoice regularizationRate;
    private final NumberChoice augmentation;

    private Lesson settings;
    /** The data last asked for, so that one gesture never draws the data twice. */
    private DataSpec sentData;
    private boolean syncing;

    public SettingsPanel(Messages messages, Consumer<TrainerCommand> send, Lesson lesson) {
        this.messages = messages;
        this.send = send;
        this.lessonPoints = lesson.data() instanceof DataSpec.Inline inline ? inline : null;
        this.settings = lesson;

        learningRate = new NumberChoice(messages, UsualRates.LEARNING, rate -> rate > 0,
                messages.get("settings.learningRate.tip"), messages.get("settings.learningRate.invalid"));
        learningRate.setOnChosen(rate -> send.accept(new TrainerCommand.SetLearningRate(rate)));
        learningRate.setId("learning-rate");
        dataSet.setId("data-set");
        dataSet.setTooltip(Tips.of(messages.get("tip.settings.dataSet")));
        batchSize.setId("batch-size");
        seed.setId("seed");
        loss.setId("loss");
        loss.setTooltip(Tips.of(messages.get("tip.settings.loss")));
        regularization.setId("regularization");
        regularization.setTooltip(Tips.of(messages.get("tip.settings.regularization")));
        noise.setId("noise");
        noise.setTooltip(Tips.of(messages.get("tip.settings.noise")));
        trainShare.setId("train-share");
        trainShare.setTooltip(Tips.of(messages.get("tip.settings.trainShare")));
        regularizationRate = new NumberChoice(messages, UsualRates.REGULARIZATION, rate -> rate >= 0,
                messages.get("settings.regularizationRate.tip"), messages.get("settings.regularizationRate.invalid"));
        regularizationRate.setOnChosen(rate -> sendRegularization());
        regularizationRate.setId("regularization-rate");
        optimizers = List.of(optimizerButton("sgd"), optimizerButton("momentum"), optimizerButton("adam"),
                optimizerButton("rmsprop"));
        schedule = new ScheduleEditor(messages, send);
        augmentation = new NumberChoice(messages, UsualRates.AUGMENTATION_NOISE, noise -> noise >= 0 && noise <= Augmentation.MAX_NOISE,
                messages.get("settings.augmentation.tip"), messages.get("settings.augmentation.invalid"));
        augmentation.setOnChosen(noise -> send.accept(new TrainerCommand.SetAugmentation(new Augmentation(noise))));
        augmentation.setId("augmentation");

        Rows data = new Rows();
        data.wide("settings.dataSet", dataSetChooser());
        data.add("settings.noise", withValue(slider(noise, 5, this::sendData), noiseText));
        data.add("settings.trainShare", withValue(slider(trainShare, 10, this::sendData), trainShareText));
        data.wide(pointCount);
        data.wide(regenerateButton());
        // A row of its own: beside a long label the field had room for one digit of a seed like 42.
        data.wide("settings.seed", seedRow());
        Rows training = new Rows();
        training.add("settings.learningRate", learningRate);
        training.wide("settings.optimizer", optimizerRow());
        training.wide("settings.schedule", schedule);
        training.add("settings.batchSize", batchSizeSpinner());
        training.wide("settings.loss", lossChooser());
        training.wide("settings.regularization", regularizationRow());
        training.add("settings.augmentation", augmentation);
        VBox content = new VBox(8, section("settings.data"), data, section("settings.training"), training);
        content.getStyleClass().add("settings-content");
        pointCount.getStyleClass().add("settings-note");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("settings-panel");
        syncing = true;
        showSettings(lesson, lesson.data() instanceof DataSpec.Inline inline ? inline.points().size() : 0);
        syncing = false;
    }

    /** Follows the trainer's settings once they reflect everything sent. */
    public void show(TrainerSnapshot snapshot, boolean settled) {
        if (!settled) {
            return;
        }
        syncing = true;
        showSettings(snapshot.settings(), snapshot.lab().trainPoints().size() + snapshot.lab().testPoints().size());
        syncing = false;
    }

    private void showSettings(Lesson lesson, int points) {
        settings = lesson;
        DataSpec data = lesson.data();
        String chosen = data instanceof DataSpec.Generated generated ? generated.generator() : LESSON_POINTS;
        if (!chosen.equals(dataSet.getValue())) {
            dataSet.setValue(chosen);
        }
        boolean generated = data instanceof DataSpec.Generated;
        noise.setDisable(!generated);
        if (data instanceof DataSpec.Generated g) {
            setIfChanged(noise, g.noise() * 100);
        }
        setIfChanged(trainShare, data.trainRatio() * 100);
        showSliderTexts();
        pointCount.setText(messages.format("settings.points", points, Math.round(data.trainRatio() * points)));
        String seedText = Long.toString(lesson.seed());
        if (!seed.isFocused() && !seed.getText().equals(seedText)) {
            seed.setText(seedText);
        }

        Hyperparameters hyper = lesson.hyperparameters();
        learningRate.show(hyper.optimizer().learningRate());
        showOptimizer(hyper.optimizer().id());
        schedule.show(hyper.schedule());
        // Batch normalisation needs two samples at least: the control offers no smaller batch than the rules allow.
        ((SpinnerValueFactory.IntegerSpinnerValueFactory) batchSize.getValueFactory()).setMin(NetworkRules.smallestBatchSize(lesson.layers()));
        if (batchSize.getValue() == null || batchSize.getValue() != lesson.batchSize()) {
            batchSize.getValueFactory().setValue(lesson.batchSize());
        }
        List<Loss> allowed = NetworkRules.losses(lesson.layers().getLast().activation());
        if (!loss.getItems().equals(allowed)) {
            loss.getItems().setAll(allowed);
        }
        if (loss.getValue() != hyper.loss()) {
            loss.setValue(hyper.loss());
        }
        if (regularization.getValue() != hyper.regularization().kind()) {
            regularization.setValue(hyper.regularization().kind());
        }
        regularizationRate.show(hyper.regularization().rate());
        regularizationRate.setDisable(hyper.regularization().kind() == Regularization.Kind.NONE);
        augmentation.show(hyper.augmentation().noise());
    }

    // --- data ---

    private Node dataSetChooser() {
        if (lessonPoints != null) {
            dataSet.getItems().add(LESSON_POINTS);
        }
        Arrays.stream(Generator.values()).map(Generator::id).forEach(dataSet.getItems()::add);
        dataSet.setConverter(ChoiceText.of(id -> messages.get("data." + id)));
        // Sets the network's output cannot take (three classes for one output) are shown but cannot be picked.
        dataSet.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : messages.get("data." + id));
                setDisable(!empty && id != null && !fits(id));
            }
        });
        dataSet.setMaxWidth(Double.MAX_VALUE);
        dataSet.setOnAction(event -> {
            if (!syncing && dataSet.getValue() != null) {
                chooseDataSet(dataSet.getValue());
            }
        });
        return dataSet;
    }

    /** Switches the data, and the output with it when the kind of problem changes: the trainer knows how. */
    private void chooseDataSet(String id) {
        sentData = dataSpec(id);
        send.accept(new TrainerCommand.ChooseDataSet(sentData));
    }

    /** Whether the trainer would take data set {@code id}, with the output it brings, for the network as it is now. */
    private boolean fits(String id) {
        try {
            LessonConsistency.check(settings.withDataSet(dataSpec(id)));
            return true;
        } catch (LessonException e) {
            return false;
        }
    }

    private DataSpec dataSpec(String id) {
        double ratio = trainShare.getValue() / 100;
        if (id.equals(LESSON_POINTS)) {
            return new DataSpec.Inline(lessonPoints.points(), lessonPoints.classes(), ratio);
        }
        Generator generator = Generator.fromId(id).orElseThrow();
        int points = settings.data() instanceof DataSpec.Generated g && g.generator().equals(id) ? g.points()
                : generator.defaultPoints();
        return new DataSpec.Generated(id, points, noise.getValue() / 100, ratio);
    }

    private void sendData() {
        showSliderTexts();
        if (!syncing && dataSet.getValue() != null) {
            DataSpec wanted = dataSpec(dataSet.getValue());
            // Letting go of a slider reports twice (value set, dragging ended): draw the data once.
            if (!wanted.equals(settings.data()) && !wanted.equals(sentData)) {
                sentData = wanted;
                send.accept(new TrainerCommand.SetData(wanted));
            }
        }
    }

    private Node regenerateButton() {
        Button regenerate = new Button(messages.get("settings.regenerate"), Icons.redraw());
        regenerate.setId("regenerate");
        regenerate.setTooltip(Tips.of(messages.get("settings.regenerate.tip")));
        regenerate.setOnAction(event -> send.accept(new TrainerCommand.SetData(settings.data())));
        regenerate.setMaxWidth(Double.MAX_VALUE);
        return regenerate;
    }

    private Node seedRow() {
        seed.setPrefColumnCount(5);
        seed.setTooltip(Tips.of(messages.get("settings.seed.tip")));
        seed.setOnAction(event -> {
            try {
                send.accept(new TrainerCommand.SetSeed(Long.parseLong(seed.getText().strip())));
                seed.getStyleClass().remove("invalid");
            } catch (NumberFormatException e) {
                if (!seed.getStyleClass().contains("invalid")) {
                    seed.getStyleClass().add("invalid");
                }
            }
        });
        Button newSeed = new Button(messages.get("settings.newSeed"));
        newSeed.setId("new-seed");
        newSeed.setTooltip(Tips.of(messages.get("settings.newSeed.tip")));
        newSeed.setOnAction(event -> send.accept(new TrainerCommand.SetSeed(ThreadLocalRandom.current().nextInt(1, 100_000))));
        newSeed.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(seed, Priority.ALWAYS);
        HBox row = new HBox(6, seed, newSeed);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node slider(Slider slider, double step, Runnable onChosen) {
        slider.setMajorTickUnit(step);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(step);
        slider.setMaxWidth(Double.MAX_VALUE);
        // Dragging shows the value; the data is drawn again once, when the slider is let go.
        slider.valueProperty().addListener((property, before, value) -> {
            showSliderTexts();
            if (!slider.isValueChanging()) {
                onChosen.run();
            }
        });
        slider.valueChangingProperty().addListener((property, was, changing) -> {
            if (!changing) {
                onChosen.run();
            }
        });
        return slider;
    }

    private void showSliderTexts() {
        noiseText.setText(messages.format("settings.percent", Math.round(noise.getValue())));
        trainShareText.setText(messages.format("settings.percent", Math.round(trainShare.getValue())));
    }

    private static void setIfChanged(Slider slider, double value) {
        if (Math.abs(slider.getValue() - value) > 1e-9 && !slider.isValueChanging()) {
            slider.setValue(value);
        }
    }

    // --- training ---

    private ToggleButton optimizerButton(String id) {
        ToggleButton button = new ToggleButton(messages.get("optimizer." + id));
        button.setUserData(id);
        button.setId("optimizer-" + id);
        button.setTooltip(Tips.of(messages.get("tip.optimizer." + id)));
        button.setOnAction(event -> {
            // One optimizer is always chosen: clicking the chosen one again keeps it.
            showOptimizer(id);
            if (!syncing && !id.equals(settings.hyperparameters().optimizer().id())) {
                double rate = settings.hyperparameters().optimizer().learningRate();
                send.accept(new TrainerCommand.SetOptimizer(OptimizerSettings.usual(id, rate)));
            }
        });
        return button;
    }

    private void showOptimizer(String id) {
        optimizers.forEach(button -> button.setSelected(button.getUserData().equals(id)));
    }

    /**
     * The choices two to a row: four side by side left each too narrow for its name beside the
     * settings' other controls ("Momen…"), in Chinese too.
     */
    private Node optimizerRow() {
        VBox rows = new VBox(4);
        for (int i = 0; i < optimizers.size(); i += 2) {
            SegmentedButton pair = new SegmentedButton(optimizers.get(i), optimizers.get(i + 1));
            // One choice across both rows: the buttons are chosen by showOptimizer, not by each pair's own group.
            pair.setToggleGroup(null);
            pair.setMaxWidth(Double.MAX_VALUE);
            pair.getButtons().forEach(button -> {
                // Equal preferred widths, so the two halves of each row line up with the row below.
                button.setPrefWidth(60);
                button.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(button, Priority.ALWAYS);
            });
            rows.getChildren().add(pair);
        }
        return rows;
    }

    private Node batchSizeSpinner() {
        batchSize.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, LessonFile.MAX_POINTS, 1));
        WholeNumberText.install(batchSize, messages.locale());
        batchSize.setEditable(true);
        batchSize.setMaxWidth(Double.MAX_VALUE);
        batchSize.setTooltip(Tips.of(messages.get("settings.batchSize.tip")));
        batchSize.valueProperty().addListener((property, before, value) -> {
            if (!syncing && value != null && value != settings.batchSize()) {
                send.accept(new TrainerCommand.SetBatchSize(value));
            }
        });
        // Typed digits count once the field is left, not only after Enter.
        batchSize.getEditor().focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                commitTypedBatchSize();
            }
        });
        batchSize.getEditor().setOnAction(event -> commitTypedBatchSize());
        return batchSize;
    }

    private void commitTypedBatchSize() {
        OptionalDouble typed = new NumberInput(messages.locale()).parse(batchSize.getEditor().getText());
        if (typed.isPresent() && typed.getAsDouble() >= 1 && typed.getAsDouble() == Math.rint(typed.getAsDouble())
                && typed.getAsDouble() <= LessonFile.MAX_POINTS) {
            batchSize.getValueFactory().setValue((int) typed.getAsDouble());
        } else {
            batchSize.getEditor().setText(String.valueOf(batchSize.getValue()));
        }
    }

    private Node lossChooser() {
        loss.setConverter(ChoiceText.of(value -> messages.get("loss." + value.id())));
        loss.setMaxWidth(Double.MAX_VALUE);
        loss.setOnAction(event -> {
            if (!syncing && loss.getValue() != null && loss.getValue() != settings.hyperparameters().loss()) {
                send.accept(new TrainerCommand.SetLoss(loss.getValue()));
            }
        });
        return loss;
    }

    private Node regularizationRow() {
        regularization.getItems().setAll(Regularization.Kind.values());
        regularization.setConverter(ChoiceText.of(kind -> messages.get("regularization." + kind.id())));
        regularization.setOnAction(event -> {
            regularizationRate.setDisable(regularization.getValue() == Regularization.Kind.NONE);
            sendRegularization();
        });
        regularizationRate.setPrefWidth(110);
        HBox row = new HBox(6, regularization, regularizationRate);
        HBox.setHgrow(regularizationRate, Priority.ALWAYS);
        return row;
    }

    private void sendRegularization() {
        if (syncing || regularization.getValue() == null) {
            return;
        }
        Regularization.Kind kind = regularization.getValue();
        OptionalDouble rate = new NumberInput(messages.locale()).parse(regularizationRate.getEditor().getText());
        double chosen = kind == Regularization.Kind.NONE ? 0 : rate.orElse(settings.hyperparameters().regularization().rate());
        // A penalty at rate 0 does nothing: start it at the usual small rate.
        if (kind != Regularization.Kind.NONE && chosen == 0) {
            chosen = UsualRates.REGULARIZATION_START;
        }
        Regularization wanted = new Regularization(kind, chosen);
        if (!wanted.equals(settings.hyperparameters().regularization())) {
            send.accept(new TrainerCommand.SetRegularization(wanted));
        }
    }

    // --- layout ---

    private Node section(String key) {
        Label title = new Label(messages.get(key));
        title.getStyleClass().add("settings-section");
        title.setMaxWidth(Double.MAX_VALUE);
        return title;
    }

    /** A slider with its current value ("15 %") at its right. */
    private static Node withValue(Node slider, Label value) {
        value.getStyleClass().add("settings-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(slider, Priority.ALWAYS);
        HBox row = new HBox(6, slider, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * Settings in rows: a name at the left and its control at the right, or (for controls that
     * need the width) the name above and the control across the whole panel.
     */
    private final class Rows extends GridPane {
        private int row;

        Rows() {
            setHgap(10);
            setVgap(8);
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints controls = new ColumnConstraints();
            controls.setHgrow(Priority.ALWAYS);
            controls.setFillWidth(true);
            getColumnConstraints().addAll(names, controls);
        }

        void add(String key, Node control) {
            add(name(key), 0, row);
            add(control, 1, row++);
            GridPane.setFillWidth(control, true);
        }

        void wide(String key, Node control) {
            add(name(key), 0, row++, 2, 1);
            wide(control);
        }

        void wide(Node control) {
            add(control, 0, row++, 2, 1);
        }

        private Label name(String key) {
            Label name = new Label(messages.get(key));
            name.getStyleClass().add("settings-label");
            return name;
        }
    }
}
