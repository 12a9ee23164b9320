package dev.appointments.benchmarks.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one workload from a number of client threads for a while, recording each call's
 * latency.
 */
final class Load {

    private Load() {
    }

    /**
     * A call made by one client thread; {@code sequence} is unique across all threads of
     * the run.
     */
    interface Call {

        void run(long sequence);

    }

    static Measurement run(Call call, int threads, Duration duration) throws InterruptedException {
        AtomicLong sequence = new AtomicLong(System.nanoTime());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] own = new long[2_000_000];
            int[] count = new int[1];
            latencies.add(own);
            counts.add(count);
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    try {
                        call.run(sequence.incrementAndGet());
                        if (count[0] < own.length) {
                            own[count[0]++] = System.nanoTime() - before;
                        }
                    }
                    catch (RuntimeException ex) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(count -> count[0]).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, offset, counts.get(t)[0]);
            offset += counts.get(t)[0];
        }
        return Measurement.of(all, total, errors.get(), seconds);
    }

}
