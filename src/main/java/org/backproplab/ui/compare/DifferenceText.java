package org.backproplab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.Difference;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;

/** B's changed settings in words, for its header: "η 2 → 0.5 · layer 1: sigmoid → ReLU". */
final class DifferenceText {

    private final Messages messages;
    private final NumberText numbers;

    DifferenceText(Messages messages) {
        this.messages = messages;
        this.numbers = new NumberText(messages.locale());
    }

    /** All of them on one line, or a prompt to change something when B is still A. */
    String of(List<Difference> differences) {
        if (differences.isEmpty()) {
            return messages.get("compare.same");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < differences.size(); i++) {
            int last = lastOfRun(differences, i);
            parts.add(last == i ? of(differences.get(i)) : layers(
                    (Difference.LayerActivation) differences.get(i), (Difference.LayerActivation) differences.get(last)));
            i = last;
        }
        return messages.format("compare.changes", String.join(messages.get("compare.separator"), parts));
    }

    /**
     * Where a run of neighbouring layers all changing the same activation the same way ends: a deep
     * network switched from sigmoid to ReLU reads "layers 1–4: sigmoid → ReLU", not four times over.
     */
    private static int lastOfRun(List<Difference> differences, int first) {
        int last = first;
        while (last + 1 < differences.size()
                && differences.get(last) instanceof Difference.LayerActivation(int layer, var a, var b)
                && differences.get(last + 1) instanceof Difference.LayerActivation(int next, var nextA, var nextB)
                && next == layer + 1 && nextA == a && nextB == b) {
            last++;
        }
        return last;
    }

    private String layers(Difference.LayerActivation first, Difference.LayerActivation last) {
        return messages.format("compare.diff.activations", first.layer() + 1, last.layer() + 1,
                messages.get("activation." + first.a().id()), messages.get("activation." + first.b().id()));
    }

    String of(Difference difference) {
        return switch (difference) {
            case Difference.LearningRate(double a, double b) -> change("learningRate", number(a), number(b));
            case Difference.Optimizer(var a, var b) -> change("optimizer", optimizer(a), optimizer(b));
            case Difference.LayerActivation(int layer, var a, var b) -> messages.format("compare.diff.activation",
                    layer + 1, messages.get("activation." + a.id()), messages.get("activation." + b.id()));
            case Difference.LayerDropout(int layer, double a, double b) -> messages.format("compare.diff.dropout",
                    layer + 1, number(a), number(b));
            case Difference.LayerBatchNorm(int layer, boolean a, boolean b) -> messages.format("compare.diff.batchNorm",
                    layer + 1, onOff(a), onOff(b));
            case Difference.WeightInitializer(var a, var b) -> change("initializer", messages.get("initializer." + a.id()),
                    messages.get("initializer." + b.id()));
            case Difference.Penalty(var a, var b) -> change("regularization", penalty(a), penalty(b));
            case Difference.BatchSize(int a, int b) -> change("batchSize", numbers.fixed(a, 0), numbers.fixed(b, 0));
            case Difference.LossFunction(var a, var b) -> change("loss", messages.get("loss." + a.id()),
                    messages.get("loss." + b.id()));
            case Difference.RateSchedule(var a, var b) -> change("schedule", messages.get("schedule." + a.id()),
                    messages.get("schedule." + b.id()));
            case Difference.ClipNorm(double a, double b) -> change("clip", number(a), number(b));
            case Difference.BiasTraining(boolean a, boolean b) -> change("biases", onOff(a), onOff(b));
            case Difference.PointNoise(var a, var b) -> change("noise", number(a.noise()), number(b.noise()));
        };
    }

    private String change(String what, String a, String b) {
        return messages.format("compare.diff." + what, a, b);
    }

    private String optimizer(OptimizerSettings settings) {
        return messages.get("optimizer." + settings.id());
    }

    private String penalty(Regularization penalty) {
        String kind = messages.get("regularization." + penalty.kind().id());
        return penalty.kind() == Regularization.Kind.NONE ? kind : messages.format("compare.penalty", kind, number(penalty.rate()));
    }

    private String onOff(boolean on) {
        return messages.get(on ? "compare.on" : "compare.off");
    }

    /** A setting as the user picked or typed it: 0.03, not 0.0300. */
    private String number(double value) {
        return numbers.plain(value);
    }
}
