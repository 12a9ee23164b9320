package dev.appointments.benchmarks.engine;

import java.util.Arrays;

/** One workload's figures at one client concurrency. */
record Measurement(String workload, int threads, long operations, long errors, double seconds, long p50Nanos,
        long p99Nanos) {

    static Measurement of(long[] latencies, int count, long errors, double seconds) {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new Measurement(null, 0, count, errors, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    Measurement named(String name, int threadCount) {
        return new Measurement(name, threadCount, operations, errors, seconds, p50Nanos, p99Nanos);
    }

    double perSecond() {
        return operations / seconds;
    }

    String line() {
        return "%-28s threads=%-3d %,10.0f ops/s  p50 %6.2f ms  p99 %6.2f ms  errors %d".formatted(workload, threads,
                perSecond(), p50Nanos / 1e6, p99Nanos / 1e6, errors);
    }

    private static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
