package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.backproplab.training.Notice;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.junit.jupiter.api.Test;

class NoticeTextTest {

    private final Messages english = Messages.forLocale(Locale.ROOT);

    @Test
    void aDivergenceSaysWhatHappenedAndSuggestsASmallerRate() {
        NoticeText text = NoticeText.of(new Notice.Diverged(120, 100, 5), english);
        assertEquals(1, text.suggestedRate().orElseThrow());
        assertTrue(text.text().startsWith("Training diverged at epoch 120"), text.text());
        assertTrue(text.text().contains("weights from epoch 100 are back"), text.text());
        assertTrue(text.text().contains("learning rate 5 is too big"), text.text());
        assertTrue(text.text().endsWith("such as 1."), text.text());

        NoticeText chinese = NoticeText.of(new Notice.Diverged(120, 100, 5), Messages.forLocale(Locale.SIMPLIFIED_CHINESE));
        assertTrue(chinese.text().startsWith("训练在第 120 轮发散"), chinese.text());
    }

    @Test
    void theSuggestedRateIsAUsualRateWellBelowTheOneThatDiverged() {
        assertEquals(1, NoticeText.smallerRate(3));
        assertEquals(0.3, NoticeText.smallerRate(1));
        assertEquals(0.1, NoticeText.smallerRate(0.3));
        assertEquals(1e-6, NoticeText.smallerRate(1e-5), 1e-18, "below the usual rates: a tenth");
    }

    @Test
    void aRefusalNamesTheActionAndGivesTheReason() {
        NoticeText text = NoticeText.of(new Notice.Rejected(new TrainerCommand.RemoveLayer(0), "only hidden layers can be removed"),
                english);
        assertEquals("Could not remove the layer: only hidden layers can be removed", text.text());
        assertFalse(text.suggestedRate().isPresent());
    }
}
