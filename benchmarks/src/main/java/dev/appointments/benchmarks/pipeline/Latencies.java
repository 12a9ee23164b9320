package dev.appointments.benchmarks.pipeline;

import java.util.Arrays;
import java.util.Collection;

/** A latency distribution in milliseconds. */
record Latencies(int count, double p50, double p95, double p99, double max) {

    static Latencies ofNanos(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return ofSorted(sorted);
    }

    static Latencies ofNanos(long[] nanos, int count) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return ofSorted(sorted);
    }

    private static Latencies ofSorted(long[] sorted) {
        if (sorted.length == 0) {
            return new Latencies(0, 0, 0, 0, 0);
        }
        return new Latencies(sorted.length, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6;
    }

    String text() {
        return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)".formatted(p50, p95, p99, max, count);
    }
}
