package dev.appointments.benchmarks.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of clients, each calling again as soon as its call returns, for a while.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** One call; throws on a failure, which is counted. */
    interface Call {

        void run() throws Exception;

    }

    /** Calls per second with their latencies, and failed calls. */
    record Result(double perSecond, Latencies latencies, long errors) {
    }

    static Result run(Call call, int clients, Duration duration) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] own = new long[1_000_000];
            int[] count = new int[1];
            latencies.add(own);
            counts.add(count);
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    try {
                        call.run();
                        if (count[0] < own.length) {
                            own[count[0]++] = System.nanoTime() - before;
                        }
                    }
                    catch (Exception ex) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(count -> count[0]).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, offset, counts.get(c)[0]);
            offset += counts.get(c)[0];
        }
        return new Result(total / seconds, Latencies.ofNanos(all, total), errors.get());
    }

}
