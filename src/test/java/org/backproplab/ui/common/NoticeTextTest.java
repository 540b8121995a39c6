package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Refusal;
import org.backproplab.lesson.DataSpec;
import org.backproplab.training.Notice;
import org.backproplab.training.TrainerCommand;
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

    @Test
    void aBrokenNetworkRuleIsSaidInTheUsersLanguage() {
        Notice.Rejected rejected = new Notice.Rejected(new TrainerCommand.SetActivation(0, Activation.SOFTMAX),
                "softmax is only allowed on the output layer", Optional.of(new Refusal.SoftmaxBeforeOutput(0)));

        assertEquals("Could not change the activation: softmax is only allowed on the output layer",
                NoticeText.of(rejected, english).text());
        assertEquals("无法更改激活函数：softmax 只能用在输出层",
                NoticeText.of(rejected, Messages.forLocale(Locale.SIMPLIFIED_CHINESE)).text());
    }

    @Test
    void aRefusedDataSetSaysHowManyOutputsItsClassesNeed() {
        Notice.Rejected rejected = new Notice.Rejected(
                new TrainerCommand.ChooseDataSet(new DataSpec.Generated("spiral3", 600, 0, 0.5)),
                "data.generator: \"spiral3\" has 3 classes, so the output layer needs 3 neurons (one per class), but ...",
                Optional.of(new Refusal.ClassesNeedOutputs(3, 1)));

        assertEquals("Could not choose the data set: 3 classes need 3 output neurons (one per class), but the output layer has 1",
                NoticeText.of(rejected, english).text());
        assertEquals("无法选择数据集：3 个类别需要 3 个输出神经元（每类一个），但输出层有 1 个",
                NoticeText.of(rejected, Messages.forLocale(Locale.SIMPLIFIED_CHINESE)).text());
    }

    @Test
    void batchNormalisationsNoticesAreWordedInBothLanguages() {
        Messages chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);
        Notice raised = new Notice.BatchSizeRaised(1, 2);
        assertEquals("Batch normalisation is back, and it needs mini-batches of at least 2 samples:"
                + " the batch size went from 1 to 2.", NoticeText.of(raised, english).text());
        assertEquals("批量归一化已恢复，它需要每个小批量至少 2 个样本：批量大小已从 1 调为 2。", NoticeText.of(raised, chinese).text());

        Notice refused = new Notice.Rejected(new TrainerCommand.Play(), "batch normalisation needs at least 2 training points, got 1",
                Optional.of(new Refusal.BatchNormNeedsPoints(1)));
        assertTrue(NoticeText.of(refused, english).text().endsWith(": batch normalisation needs at least 2 training points"),
                NoticeText.of(refused, english).text());
        assertTrue(NoticeText.of(refused, chinese).text().endsWith("：批量归一化需要至少 2 个训练点"), NoticeText.of(refused, chinese).text());
    }
}
