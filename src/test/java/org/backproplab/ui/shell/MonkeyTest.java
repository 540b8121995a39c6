package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A short random-input soak of the real window on the Headless platform: seeded random clicks,
 * drags, typed junk, menu commands, keys, language and theme switches and resizes while it trains
 * at full speed, and not one exception nothing caught, no trainer fault, no modal question. On
 * failure the message holds the seed and every action drawn, to replay the run.
 */
@ExtendWith(ApplicationExtension.class)
class MonkeyTest {

    /**
     * A seed whose first 40 draws hold at least three of each kind asserted on, so that on a slow machine,
     * where some draws find nothing on screen to act on, each is still done at least once.
     */
    private static final long SEED = 145;
    private static final double SECONDS = 10;
    private static final int DRAWS = 60;

    @TempDir
    Path home;

    private MonkeyRun run;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        run = new MonkeyRun(stage, SEED, SECONDS, DRAWS, home, new PrintStream(OutputStream.nullOutputStream()));
        // Within the Headless screen, where the blit of a larger or lower stage fails.
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    /**
     * The next test class gets the same stage: back at the window's own size, not full screen or
     * maximised. A window opened into a stage left narrower would fold its settings away at once.
     */
    @AfterEach
    void restoreTheStage() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setFullScreen(false);
            stage.setMaximized(false);
            stage.setWidth(LabWindow.DEFAULT_WIDTH);
            stage.setHeight(LabWindow.DEFAULT_HEIGHT);
        }).get();
    }

    @Test
    void seededRandomUseOfTheWindowWhileItTrainsBreaksNothing() throws Exception {
        MonkeyReport report = run.report().get(120, TimeUnit.SECONDS);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String replay = printed.toString(StandardCharsets.UTF_8);

        assertEquals(List.of(), report.exceptions(), replay);
        assertEquals(List.of(), report.failures().stream().filter(failure -> !failure.contains("frame")).toList(), replay);
        assertTrue(report.frames() >= SECONDS, "frames kept coming: " + replay);
        assertTrue(report.draws() >= DRAWS && report.totalActions() >= 40, replay);
        for (String kind : List.of("button or toggle", "number field", "choice", "menu command", "drag on graph",
                "drag on boundary", "undo or redo")) {
            assertTrue(report.actions().get(kind) >= 1, kind + " done: " + replay);
        }
        assertTrue(report.actions().get("language") + report.actions().get("theme") >= 1,
                "the window was rebuilt in another language or theme at least once: " + replay);
    }
}
