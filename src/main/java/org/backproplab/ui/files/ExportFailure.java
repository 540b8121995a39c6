package org.backproplab.ui.files;

import org.backproplab.ui.common.Messages;

/** The one line an alert gives for a failed export. */
final class ExportFailure {

    private ExportFailure() {
    }

    /** The failure's own message, or, when it has none, its kind: an alert never reads "null". */
    static String reason(Exception failure, Messages messages) {
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? messages.format("files.exportFailed.unexplained", failure.getClass().getSimpleName())
                : message;
    }
}
