package org.backproplab.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Locale;
import org.backproplab.ui.common.Messages;
import org.junit.jupiter.api.Test;

class ExportFailureTest {

    private final Messages english = Messages.forLocale(Locale.ROOT);

    @Test
    void aFailureWithoutAMessageIsNamedByItsKindNeverAsNull() {
        assertEquals("Something went wrong while writing it (NullPointerException).",
                ExportFailure.reason(new NullPointerException(), english));
        assertEquals("写入时出错（IOException）。",
                ExportFailure.reason(new IOException(" "), Messages.forLocale(Locale.SIMPLIFIED_CHINESE)));
    }

    @Test
    void aFailureWithAMessageIsToldInItsOwnWords() {
        assertEquals("disk full", ExportFailure.reason(new IOException("disk full"), english));
    }
}
