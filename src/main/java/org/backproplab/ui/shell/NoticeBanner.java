package org.backproplab.ui.shell;

import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;
import org.backproplab.training.Notice;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NoticeText;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Tips;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

/**
 * Tells the user what the trainer refused or why it stopped, in a bar that slides in over the top
 * of the lab. A divergence stays until dismissed and offers a smaller learning rate at one click;
 * a failure (a bug) stays too and offers its technical report for the clipboard; a refused command
 * goes away by itself after a while. The window also says here when the trainer stops answering.
 */
final class NoticeBanner extends NotificationPane {

    private static final PseudoClass DIVERGED = PseudoClass.getPseudoClass("diverged");
    private static final Duration REJECTED_SHOWN_FOR = Duration.seconds(8);

    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    private final PauseTransition autoHide = new PauseTransition(REJECTED_SHOWN_FOR);
    /** Whether the bar says the trainer stopped answering, which its next answer takes back. */
    private boolean sayingSilent;

    NoticeBanner(Node content, Messages messages, Consumer<TrainerCommand> send) {
        super(content);
        this.messages = messages;
        this.send = send;
        setShowFromTop(true);
        autoHide.setOnFinished(event -> hide());
        getStyleClass().add("notice-banner");
    }

    void show(Notice notice) {
        NoticeText text = NoticeText.of(notice, messages);
        autoHide.stop();
        sayingSilent = false;
        getActions().clear();
        text.suggestedRate().ifPresent(rate -> {
            Action useRate = new Action(messages.format("notice.useRate", new NumberText(messages.locale()).plain(rate)),
                    event -> {
                        send.accept(new TrainerCommand.SetLearningRate(rate));
                        hide();
                    });
            // The action's button shows its long text as its tooltip.
            useRate.setLongText(messages.get("tip.notice.useRate"));
            getActions().add(useRate);
        });
        if (notice instanceof Notice.Failed failed) {
            Action copy = new Action(messages.get("notice.copyDetails"), event -> copyToClipboard(failed.details()));
            copy.setLongText(messages.get("tip.notice.copyDetails"));
            getActions().add(copy);
        }
        pseudoClassStateChanged(DIVERGED, notice instanceof Notice.Diverged);
        show(text.text(), warningSign());
        explainCloseButton();
        if (notice instanceof Notice.Rejected || notice instanceof Notice.BatchSizeRaised) {
            autoHide.playFromStart();
        }
    }

    /** Says the trainer sent nothing for a while though it was training: the lab on screen is stale. */
    void showTrainerSilent() {
        autoHide.stop();
        getActions().clear();
        pseudoClassStateChanged(DIVERGED, false);
        show(messages.get("notice.trainerSilent"), warningSign());
        explainCloseButton();
        sayingSilent = true;
    }

    /** The trainer answers again: a word that it had stopped is no longer true. */
    void trainerAnswered() {
        if (sayingSilent) {
            sayingSilent = false;
            hide();
        }
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The bar's close button comes with ControlsFX's skin, and without a word about what it does. */
    private void explainCloseButton() {
        if (lookup(".notification-bar .close-button") instanceof Control close && close.getTooltip() == null) {
            close.setTooltip(Tips.of(messages.get("tip.notice.close")));
        }
    }

    private static Node warningSign() {
        SVGPath sign = new SVGPath();
        sign.setContent("M11 0 L22 20 H0 Z M10 7 H12 V14 H10 Z M10 16 H12 V18 H10 Z");
        sign.setFillRule(FillRule.EVEN_ODD);
        sign.getStyleClass().add("notice-sign");
        return sign;
    }
}
