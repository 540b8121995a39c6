package org.backproplab.ui.common;

import java.util.OptionalDouble;
import org.backproplab.training.Notice;

/**
 * A trainer's notice in the user's words: what happened and what to do about it. For a divergence
 * that is a smaller learning rate, which the lab's banner also offers as a one-click fix. The lab's
 * banner and each run of a comparison say it in these same words.
 *
 * @param text           the sentence(s) to show
 * @param suggestedRate  for a divergence, a learning rate worth trying instead
 */
public record NoticeText(String text, OptionalDouble suggestedRate) {

    public static NoticeText of(Notice notice, Messages messages) {
        NumberText numbers = new NumberText(messages.locale());
        return switch (notice) {
            case Notice.Diverged diverged -> {
                double suggestion = smallerRate(diverged.learningRate());
                yield new NoticeText(messages.format("notice.diverged", numbers.fixed(diverged.epoch(), 0),
                        numbers.fixed(diverged.restoredEpoch(), 0), numbers.plain(diverged.learningRate()),
                        numbers.plain(suggestion)), OptionalDouble.of(suggestion));
            }
            // Plain words only: the report is for whoever maintains the lab, and goes out through "Copy details".
            case Notice.Failed failed -> new NoticeText(messages.format("notice.failed",
                    numbers.fixed(failed.restoredEpoch(), 0)), OptionalDouble.empty());
            case Notice.BatchSizeRaised raised -> new NoticeText(messages.format("notice.batchSizeRaised",
                    numbers.fixed(raised.from(), 0), numbers.fixed(raised.to(), 0)), OptionalDouble.empty());
            case Notice.Rejected rejected -> new NoticeText(messages.format("notice.rejected",
                    messages.get("command." + rejected.command().getClass().getSimpleName()),
                    rejected.rule().map(rule -> messages.format(rule.messageKey(), rule.arguments())).orElse(rejected.reason())),
                    OptionalDouble.empty());
        };
    }

    /**
     * A learning rate well below one that diverged: the largest of the usual rates at most a third
     * of it, or a tenth of it when it was already tiny.
     */
    static double smallerRate(double diverged) {
        double best = diverged / 10;
        for (double usual : UsualRates.LEARNING) {
            // A hair of tolerance: 0.3 / 3 is 0.09999999999999999, and 0.1 must still count.
            if (usual <= diverged / 3 * (1 + 1e-9)) {
                best = usual;
            }
        }
        return best;
    }
}
