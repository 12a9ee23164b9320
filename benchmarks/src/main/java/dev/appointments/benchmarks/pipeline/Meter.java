package dev.appointments.benchmarks.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a phase cost: wall time, process CPU time and SDK calls between its start and a
 * later moment.
 */
final class Meter {

    private final long startNanos = System.nanoTime();

    private final double startCpu = ProcessFigures.cpuSeconds();

    private final Map<String, Long> startCalls = ApiCalls.snapshot();

    /** Calls, CPU seconds and wall seconds since the start. */
    record Reading(double seconds, double cpuSeconds, Map<String, Long> calls) {
    }

    Reading read() {
        double cpu = ProcessFigures.cpuSeconds() - startCpu;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> calls = new TreeMap<>();
        ApiCalls.snapshot().forEach((key, count) -> {
            long delta = count - startCalls.getOrDefault(key, 0L);
            if (delta > 0) {
                calls.put(key, delta);
            }
        });
        return new Reading(seconds, cpu, calls);
    }

}
