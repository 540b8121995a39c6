package org.backproplab.ui.stepthrough;

import java.util.function.DoubleConsumer;
import javafx.animation.AnimationTimer;

/**
 * The clock of one sub-step's animation: reports progress from 0 to 1 over a duration set by the
 * speed, then, when playing, holds the finished picture a moment and asks for the next sub-step.
 * Pausing freezes the picture mid-way; nothing it drives changes a number, only how far along the
 * drawing is.
 */
final class StepAnimation {

    /** Seconds one sub-step takes at speed 1. */
    static final double SECONDS = 1.4;
    /** Seconds the finished sub-step stays on screen before play moves on, at speed 1. */
    static final double HOLD = 0.6;

    private final DoubleConsumer onProgress;
    private final Runnable onNext;
    private final AnimationTimer timer;
    private double speed = 1;
    private double progress = 1;
    private boolean playing;
    /** Seconds into the current sub-step, counting any time before a pause. */
    private double elapsed;
    private long lastFrame = -1;

    /**
     * @param onProgress told the progress, 0 to 1, on every frame while it changes
     * @param onNext     asked for the next sub-step when playing and the current one is done
     */
    StepAnimation(DoubleConsumer onProgress, Runnable onNext) {
        this.onProgress = onProgress;
        this.onNext = onNext;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick(now);
            }
        };
    }

    /** Animates a sub-step from its beginning. */
    void start() {
        elapsed = 0;
        progress = 0;
        lastFrame = -1;
        onProgress.accept(0);
        timer.start();
    }

    /** Shows the sub-step finished, at once (stepping back, scrubbing, skipping). */
    void finish() {
        elapsed = SECONDS / speed;
        progress = 1;
        if (!playing) {
            timer.stop();
        }
        onProgress.accept(1);
    }

    void play() {
        playing = true;
        lastFrame = -1;
        timer.start();
    }

    /** Stops playing and freezes the drawing where it is. */
    void pause() {
        playing = false;
        timer.stop();
    }

    boolean isPlaying() {
        return playing;
    }

    /** Whether a sub-step is still moving on screen. */
    boolean isRunning() {
        return progress < 1 || playing;
    }

    /** Multiplies how fast everything moves; 1 is the normal pace. */
    void setSpeed(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("the animation speed must be positive, got " + speed);
        }
        this.speed = speed;
    }

    private void tick(long now) {
        if (lastFrame >= 0) {
            elapsed += (now - lastFrame) / 1e9;
        }
        lastFrame = now;
        double duration = SECONDS / speed;
        if (progress < 1) {
            progress = Math.min(1, elapsed / duration);
            onProgress.accept(progress);
        }
        if (progress >= 1) {
            if (!playing) {
                timer.stop();
            } else if (elapsed >= duration + HOLD / speed) {
                onNext.run();
            }
        }
    }
}
