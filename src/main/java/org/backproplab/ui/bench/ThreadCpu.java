package org.backproplab.ui.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time the process's threads used between two moments, by thread name. On a shared two-core
 * machine the frame-to-frame times mostly show how busy the other programs are; CPU time per
 * frame shows what the lab itself costs, so a change can be judged even on a busy machine.
 */
public final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startNanos = new HashMap<>();
    private final long processStart = processCpuNanos();

    public ThreadCpu() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                startNanos.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
            }
        }
    }

    /**
     * CPU nanoseconds used since construction: one entry per thread name (threads of one name
     * added up), largest first, then "other" for what the JVM spent outside Java threads (garbage
     * collection, compilation).
     */
    public Map<String, Long> used() {
        Map<String, Long> byName = new HashMap<>();
        long javaThreads = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            long used = now - startNanos.getOrDefault(info.getThreadId(), 0L);
            javaThreads += used;
            byName.merge(info.getThreadName(), used, Long::sum);
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        sorted.put("other", Math.max(0, processCpuNanos() - processStart - javaThreads));
        return sorted;
    }

    /** From java.base: the app image's runtime has no jdk.management, so no com.sun.management beans. */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
