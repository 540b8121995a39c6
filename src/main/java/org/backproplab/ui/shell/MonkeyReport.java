package org.backproplab.ui.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.backproplab.ui.bench.HeapSampler;
import org.backproplab.ui.bench.UncaughtExceptions;

/**
 * What a random-input soak saw: the actions done by kind, every exception nothing caught, the
 * trainer's own faults, the questions the window tried to ask in a modal dialog, the dialogs that
 * had to be dismissed, the frames, and the heap from minute 1 to the end. Any of the failures
 * listed by {@link #failures()} fails the run.
 *
 * @param actions        actions done, by kind (draws that found nothing of their kind on screen are not counted)
 * @param draws          actions drawn, done or not
 * @param longestGapMillis the longest time between two frames
 * @param framesOverSecond the frames that came more than a second after the one before (a window that looked
 *                       frozen): how late, and when in the run
 * @param heap           the heap after a collection from minute 1 to the end; empty in runs too short to tell
 * @param log            every action drawn, in order, for replaying a failure with the same seed
 * @param windowOpen     whether the window was still open at the end (nothing closed it)
 */
record MonkeyReport(long seed, double seconds, Map<String, Integer> actions, int draws,
        List<UncaughtExceptions.Caught> exceptions, Optional<String> trainerFaults, List<String> asked,
        List<String> dismissed, int frames, double longestGapMillis, List<String> framesOverSecond,
        Optional<HeapSampler.Drift> heap, List<String> log, boolean windowOpen) {

    int totalActions() {
        return actions.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether the heap grew less than {@link MonkeyRun#FLAT_HEAP_PERCENT} % from minute 1 to the end; true if unmeasured. */
    boolean heapFlat() {
        return heap.map(drift -> drift.changePercent() <= MonkeyRun.FLAT_HEAP_PERCENT).orElse(true);
    }

    /** Why the run failed, one line each; empty if it passed. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (!exceptions.isEmpty()) {
            failures.add(exceptions.size() + " uncaught exception(s)");
        }
        trainerFaults.ifPresent(faults -> failures.add("the trainer logged faults of its own"));
        if (!asked.isEmpty()) {
            failures.add("the window asked " + asked.size() + " question(s) in a modal dialog: " + asked);
        }
        if (!dismissed.isEmpty()) {
            failures.add(dismissed.size() + " modal dialog(s) had to be dismissed: " + dismissed);
        }
        if (!framesOverSecond.isEmpty()) {
            failures.add(framesOverSecond.size() + " frame(s) over 1 s: " + framesOverSecond);
        }
        if (!heapFlat()) {
            failures.add(String.format(Locale.ROOT, "the heap grew more than %.0f %% from minute 1 to the end", MonkeyRun.FLAT_HEAP_PERCENT));
        }
        if (!windowOpen) {
            failures.add("the window closed before the end");
        }
        return failures;
    }

    String progressLine() {
        return String.format(Locale.ROOT, "monkey: %.0f s, %d actions, %d uncaught exceptions, %d frames (longest gap %.0f ms)",
                seconds, totalActions(), exceptions.size(), frames, longestGapMillis);
    }

    /** The whole report; on failure also every stack trace, the trainer's faults and the actions drawn, to replay with the seed. */
    void print(PrintStream out) {
        out.printf(Locale.ROOT, "monkey: seed %d, %.1f s, %d actions (%.1f per second, %d drawn)%n", seed, seconds,
                totalActions(), totalActions() / seconds, draws);
        StringBuilder kinds = new StringBuilder("actions by kind:");
        actions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> kinds.append(String.format(Locale.ROOT, "  %s %d", entry.getKey(), entry.getValue())));
        out.println(kinds);
        out.printf(Locale.ROOT, "uncaught exceptions: %d; trainer faults: %s; questions asked: %d; dialogs dismissed: %d%n",
                exceptions.size(), trainerFaults.isPresent() ? "yes" : "none", asked.size(), dismissed.size());
        out.printf(Locale.ROOT, "frames: %d (%.1f per second), longest gap between frames %.0f ms, frames over 1 s: %d%n",
                frames, frames / seconds, longestGapMillis, framesOverSecond.size());
        heap.ifPresentOrElse(drift -> out.printf(Locale.ROOT,
                "heap after GC: %.1f MB at %.0f s, %.1f MB at %.0f s (%+.1f %%; flat means at most %+.0f %%), range %.1f-%.1f MB%n",
                drift.first().usedBytes() / 1e6, drift.first().seconds(), drift.last().usedBytes() / 1e6, drift.last().seconds(),
                drift.changePercent(), MonkeyRun.FLAT_HEAP_PERCENT, drift.minBytes() / 1e6, drift.maxBytes() / 1e6),
                () -> out.printf(Locale.ROOT, "heap: measured in runs of %.0f s or more only%n", MonkeyRun.HEAP_RUN_SECONDS));
        List<String> failures = failures();
        if (failures.isEmpty()) {
            out.println("monkey: PASSED");
            return;
        }
        for (UncaughtExceptions.Caught caught : exceptions) {
            out.println("uncaught in thread " + caught.thread() + ":");
            out.print(caught.stackTrace());
        }
        trainerFaults.ifPresent(faults -> out.print("trainer faults:\n" + faults));
        out.println("actions drawn (seed " + seed + "):");
        log.forEach(out::println);
        out.println("monkey: FAILED (seed " + seed + "): " + String.join("; ", failures));
    }
}
