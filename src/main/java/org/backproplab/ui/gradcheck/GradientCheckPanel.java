package org.backproplab.ui.gradcheck;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.backproplab.engine.BackpropFault;
import org.backproplab.engine.GradientCheck;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.training.GradientReport;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.boundary.PointText;
import org.backproplab.ui.common.Icons;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberInput;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.common.WholeNumberText;

/**
 * The gradient check, docked at the window's right: a teacher picks a training sample and how
 * backpropagation is written (correct, or with a classic mistake), presses Check, and sees every
 * analytic derivative beside its central-difference estimate, with a PASS or FAIL verdict. The
 * trainer does the check on its own network ({@link TrainerCommand.CheckGradients}); this panel
 * only asks and shows the report.
 */
public final class GradientCheckPanel extends VBox {

    /** Digits of the two derivatives side by side: enough to see them agree; the relative error says how far. */
    private static final int DERIVATIVE_DIGITS = 4;
    private static final int POINT_DIGITS = 3;
    /** Ctrl+G (⌘G on a Mac) opens and closes the panel. */
    static final KeyCombination SHORTCUT = KeyCombination.keyCombination("Shortcut+G");

    private final Messages messages;
    private final ToggleButton toggle;
    private final Spinner<Integer> sample = new Spinner<>(1, 1, 1);
    private final Label sampleText = new Label();
    private final ComboBox<BackpropFault> fault = new ComboBox<>();
    private final Label faultDetail = new Label();
    private final Button check;
    private final Label badge = new Label();
    private final Label summary = new Label();
    private final Label context = new Label();
    private final GradientCheckTable table;
    /** The newest snapshot; shown once the panel is open, so a closed panel costs the frame nothing. */
    private TrainerSnapshot latest;
    private LabSnapshot lab;
    /** The report on show, so a snapshot carrying the same one does not rebuild the table. */
    private Optional<GradientReport> shown = Optional.empty();

    /**
     * @param focusedSample the training point the step-through follows: the check starts from the
     *                      same one when it is opened
     */
    public GradientCheckPanel(Messages messages, Consumer<TrainerCommand> send, IntSupplier focusedSample) {
        this.messages = messages;
        this.table = new GradientCheckTable(messages, DERIVATIVE_DIGITS);
        getStyleClass().add("gradcheck-panel");
        setSpacing(8);

        toggle = new ToggleButton(messages.get("gradcheck.toggle"));
        toggle.setId("gradcheck-toggle");
        toggle.getStyleClass().add("gradcheck-toggle");
        toggle.setTooltip(Tips.of(messages.get("gradcheck.toggle.tip")));
        toggle.setFocusTraversable(false);
        visibleProperty().bind(toggle.selectedProperty());
        managedProperty().bind(toggle.selectedProperty());
        toggle.selectedProperty().addListener((property, was, on) -> {
            if (on && latest != null) {
                refresh();
                chooseSample(focusedSample.getAsInt());
            }
        });
        sceneProperty().addListener((property, before, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(SHORTCUT, toggle::fire);
            }
        });

        Label title = new Label(messages.get("gradcheck.title"));
        title.getStyleClass().add("gradcheck-title");
        check = new Button(messages.get("gradcheck.check"));
        check.setId("gradcheck-check");
        check.getStyleClass().add("gradcheck-check");
        check.setTooltip(Tips.of(messages.get("gradcheck.check.tip")));
        check.setOnAction(event -> send.accept(new TrainerCommand.CheckGradients(sample.getValue() - 1, fault.getValue())));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, explanation(), choices(), verdict(), summary, context, table);
        showVerdict(Optional.empty());
    }

    /** h and the tolerance, in one sentence. */
    private Label explanation() {
        Label explanation = wrapping(new Label(messages.format("gradcheck.explanation",
                SignificantNumber.plain(GradientCheck.STEP, 1), SignificantNumber.plain(GradientCheck.TOLERANCE, 1),
                SignificantNumber.plain(GradientCheck.SCALE_FLOOR, 1))));
        explanation.getStyleClass().add("gradcheck-explanation");
        return explanation;
    }

    /** Which training sample, and how backpropagation is written. */
    private GridPane choices() {
        sample.setId("gradcheck-sample");
        sample.setTooltip(Tips.of(messages.get("gradcheck.sample.tip")));
        sample.setEditable(true);
        WholeNumberText.install(sample, messages.locale());
        sample.setPrefWidth(90);
        sample.valueProperty().addListener((property, was, now) -> showSampleText());
        // Typed numbers count on Enter and when the field is left; anything else puts the number back.
        sample.getEditor().setOnAction(event -> commitTypedSample());
        sample.getEditor().focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                commitTypedSample();
            }
        });

        fault.setId("gradcheck-fault");
        fault.setTooltip(Tips.of(messages.get("gradcheck.fault.tip")));
        fault.getItems().setAll(BackpropFault.values());
        fault.setValue(BackpropFault.NONE);
        fault.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackpropFault value) {
                return value == null ? "" : messages.get(key(value));
            }

            @Override
            public BackpropFault fromString(String text) {
                throw new UnsupportedOperationException("the list is not editable");
            }
        });
        fault.setMaxWidth(Double.MAX_VALUE);
        fault.valueProperty().addListener((property, was, now) -> faultDetail.setText(messages.get(key(now) + ".detail")));
        faultDetail.setText(messages.get(key(BackpropFault.NONE) + ".detail"));

        GridPane choices = new GridPane();
        choices.setHgap(8);
        choices.setVgap(4);
        Label sampleLabel = new Label(messages.get("gradcheck.sample"));
        sampleLabel.setMinWidth(USE_PREF_SIZE);
        choices.addRow(0, sampleLabel, sample);
        choices.add(note(sampleText), 1, 1);
        // The mistakes' names are long: the chooser gets the panel's whole width.
        choices.add(new Label(messages.get("gradcheck.fault")), 0, 2, 2, 1);
        choices.add(fault, 0, 3, 2, 1);
        choices.add(note(faultDetail), 0, 4, 2, 1);
        GridPane.setHgrow(fault, Priority.ALWAYS);
        return choices;
    }

    /** The Check button with the PASS / FAIL badge beside it. */
    private HBox verdict() {
        badge.setId("gradcheck-badge");
        badge.getStyleClass().add("gradcheck-badge");
        badge.setMinWidth(USE_PREF_SIZE);
        summary.setId("gradcheck-summary");
        summary.getStyleClass().add("gradcheck-summary");
        wrapping(summary);
        context.setId("gradcheck-context");
        note(context);
        HBox verdict = new HBox(14, check, badge);
        verdict.setAlignment(Pos.CENTER_LEFT);
        return verdict;
    }

    /** Small grey words beside the controls. */
    private static Label note(Label label) {
        label.getStyleClass().add("gradcheck-note");
        return wrapping(label);
    }

    /** A label that wraps, and keeps all its lines when the panel is short. */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(USE_PREF_SIZE);
        return label;
    }

    /** The switch in the window's header that shows and hides the panel. */
    public ToggleButton toggle() {
        return toggle;
    }

    /** Takes each snapshot: the sample range from its points, and the report when it is a new one. */
    public void show(TrainerSnapshot snapshot) {
        latest = snapshot;
        if (toggle.isSelected()) {
            refresh();
        }
    }

    private void refresh() {
        TrainerSnapshot snapshot = latest;
        lab = snapshot.lab();
        int points = lab.trainPoints().size();
        check.setDisable(points == 0);
        SpinnerValueFactory.IntegerSpinnerValueFactory range = range();
        if (range.getMax() != Math.max(1, points)) {
            range.setMax(Math.max(1, points));
        }
        showSampleText();
        Optional<GradientReport> report = snapshot.gradientCheck();
        // Each check makes a new report: the same object is the same check.
        if (report.orElse(null) != shown.orElse(null)) {
            shown = report;
            showVerdict(report);
            table.show(report.map(GradientReport::result).map(GradientCheck.Result::comparisons).orElse(List.of()),
                    lab.network());
        }
        report.ifPresent(r -> context.setText(contextText(r, snapshot.steps())));
    }

    private void commitTypedSample() {
        OptionalDouble typed = new NumberInput(messages.locale()).parse(sample.getEditor().getText());
        SpinnerValueFactory.IntegerSpinnerValueFactory range = range();
        if (typed.isPresent() && typed.getAsDouble() == Math.rint(typed.getAsDouble())
                && typed.getAsDouble() >= range.getMin() && typed.getAsDouble() <= range.getMax()) {
            range.setValue((int) typed.getAsDouble());
        }
        sample.getEditor().setText(String.valueOf(sample.getValue()));
    }

    private SpinnerValueFactory.IntegerSpinnerValueFactory range() {
        return (SpinnerValueFactory.IntegerSpinnerValueFactory) sample.getValueFactory();
    }

    private void chooseSample(int index) {
        sample.getValueFactory().setValue(index + 1);
    }

    private void showSampleText() {
        sampleText.setText(lab == null ? "" : PointText.of(messages, lab.trainPoints(), sample.getValue() - 1, POINT_DIGITS));
    }

    private void showVerdict(Optional<GradientReport> report) {
        badge.getStyleClass().removeAll("pass", "fail");
        if (report.isEmpty()) {
            badge.setText(messages.get("gradcheck.badge.none"));
            badge.setGraphic(null);
            summary.setText(messages.get("gradcheck.summary.none"));
            context.setText("");
            return;
        }
        GradientCheck.Result result = report.get().result();
        boolean passed = result.passed();
        badge.getStyleClass().add(passed ? "pass" : "fail");
        badge.setText(messages.get(passed ? "gradcheck.badge.pass" : "gradcheck.badge.fail"));
        badge.setGraphic(passed ? Icons.check() : Icons.cross());
        long failing = result.comparisons().stream().filter(comparison -> !comparison.passes()).count();
        String worst = SignificantNumber.plain(result.worstRelativeError(), GradientCheckTable.ERROR_DIGITS);
        summary.setText(passed
                ? messages.format("gradcheck.summary.pass", result.comparisons().size(), worst)
                : messages.format("gradcheck.summary.fail", failing, result.comparisons().size(), worst));
    }

    private String contextText(GradientReport report, long stepsNow) {
        String checked = messages.format("gradcheck.context", report.sample() + 1, report.epoch(),
                messages.get(key(report.fault())));
        return report.steps() == stepsNow ? checked : checked + " " + messages.get("gradcheck.context.stale");
    }

    private static String key(BackpropFault fault) {
        return "gradcheck.fault." + switch (fault) {
            case NONE -> "none";
            case FORGOTTEN_DERIVATIVE -> "forgottenDerivative";
            case FLIPPED_ERROR_SIGN -> "flippedSign";
            case MISSING_BIAS_GRADIENT -> "missingBias";
        };
    }
}
