package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.Generator;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Regularization;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** Every choice the live lab offers, and every command it may have to explain, has words in both languages. */
class LiveLabWordsTest {

    @Test
    void everyChoiceAndEveryCommandIsNamedInEnglishAndChinese() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(Generator.values()).forEach(generator -> keys.add("data." + generator.id()));
        Arrays.stream(Loss.values()).forEach(loss -> keys.add("loss." + loss.id()));
        Arrays.stream(Regularization.Kind.values()).forEach(kind -> keys.add("regularization." + kind.id()));
        List.of("sgd", "momentum", "adam").forEach(id -> keys.add("optimizer." + id));
        for (EdgeValue value : EdgeValue.values()) {
            keys.addAll(List.of("edges." + value.key(), "edges." + value.key() + ".tip", "graph.legend.width." + value.key(),
                    "graph.legend.positive." + value.key(), "graph.legend.negative." + value.key()));
        }
        Arrays.stream(TrainerCommand.class.getPermittedSubclasses()).forEach(command -> keys.add("command." + command.getSimpleName()));

        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            Messages messages = Messages.forLocale(locale);
            for (String key : keys) {
                assertFalse(messages.get(key).isBlank(), key + " in " + locale);
            }
        }
    }
}
