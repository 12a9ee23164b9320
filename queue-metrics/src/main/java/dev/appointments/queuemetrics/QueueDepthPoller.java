package dev.appointments.queuemetrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import dev.appointments.resources.QueueUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Reads the depth of every watched queue on a fixed delay, all queues at once, and keeps
 * the last answer. A queue that cannot be read (SQS unreachable, queue missing) has no
 * depth until it can again, so its gauges show NaN rather than a number that is no longer
 * true.
 */
final class QueueDepthPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueDepthPoller.class);

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final SqsAsyncClient sqs;

    private final List<String> queues;

    private final Duration interval;

    private final QueueUrls urls;

    private final Map<String, QueueDepth> depths = new ConcurrentHashMap<>();

    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    private volatile ScheduledExecutorService executor;

    QueueDepthPoller(SqsAsyncClient sqs, List<String> queues, Duration interval) {
        this.sqs = sqs;
        this.urls = new QueueUrls(sqs);
        this.queues = List.copyOf(queues);
        this.interval = interval;
    }

    List<String> queues() {
        return queues;
    }

    double visible(String queue) {
        return value(queue, QueueDepth::visible);
    }

    double inFlight(String queue) {
        return value(queue, QueueDepth::inFlight);
    }

    double delayed(String queue) {
        return value(queue, QueueDepth::delayed);
    }

    private double value(String queue, ToLongFunction<QueueDepth> count) {
        QueueDepth depth = depths.get(queue);
        return depth == null ? Double.NaN : count.applyAsLong(depth);
    }

    /** Reads every queue once and waits for the answers (or their timeout). */
    void pollOnce() {
        CompletableFuture.allOf(queues.stream().map(this::poll).toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> poll(String queue) {
        return urls.url(queue)
            .thenCompose(url -> sqs
                .getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueDepth.ATTRIBUTES)))
            .orTimeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .handle((response, failure) -> {
                if (failure == null) {
                    depths.put(queue, QueueDepth.of(response.attributes()));
                    if (failing.remove(queue)) {
                        log.info("Queue {} can be read again", queue);
                    }
                }
                else {
                    depths.remove(queue);
                    // The queue may have been deleted and created again under a new URL.
                    urls.forget(queue);
                    if (failing.add(queue)) {
                        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                        log.warn("Cannot read the depth of queue {}; its gauges show NaN until it can: {}", queue,
                                cause.toString());
                    }
                }
                return null;
            });
    }

    private void pollSafely() {
        try {
            pollOnce();
        }
        catch (RuntimeException ex) {
            // A scheduled task that throws is never run again: keep polling whatever
            // happened.
            log.warn("Polling queue depth failed: {}", ex.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "queue-metrics");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

}
