package dev.appointments.query.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Drives one workload with a fixed number of client threads: a warm-up whose figures are
 * dropped, then a measured period in which every call's latency is kept.
 */
final class Load {

    private final int threads;

    private final Duration warmUp;

    private final Duration measured;

    Load(int threads, Duration warmUp, Duration measured) {
        this.threads = threads;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /**
     * Runs {@code call} (given a running call number, answering whether the call
     * succeeded) until the time is up.
     */
    Result run(String name, IntPredicate call) throws InterruptedException {
        drive(call, warmUp, new ArrayList<>(), new AtomicLong());
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        drive(call, measured, latencies, errors);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, all.length, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private void drive(IntPredicate call, Duration duration, List<long[]> latencies, AtomicLong errors)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(threads);
        AtomicLong sequence = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().name("load-" + t).start(() -> {
                long[] own = new long[1024];
                int count = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    boolean ok = call.test((int) sequence.getAndIncrement());
                    long took = System.nanoTime() - start;
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (count == own.length) {
                        own = Arrays.copyOf(own, count * 2);
                    }
                    own[count++] = took;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(own, count));
                }
                done.countDown();
            });
        }
        Thread.sleep(duration);
        stop.set(true);
        done.await();
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /**
     * The figures of one measured period.
     *
     * @param p50Millis and {@code p99Millis}: latency percentiles in milliseconds
     */
    record Result(String name, long requests, long errors, double seconds, double p50Millis, double p99Millis) {

        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return "%-44s %9d %8d %10.0f %9.2f %9.2f".formatted(name, requests, errors, perSecond(), p50Millis,
                    p99Millis);
        }
    }

}
