package dev.appointments.resources;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Queue URLs by name, each asked of SQS once. A caller that sees a call about a queue
 * fail {@link #forget forgets} its URL, since a queue deleted and created again has a new
 * one.
 */
public final class QueueUrls {

    private final SqsAsyncClient sqs;

    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public QueueUrls(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    /**
     * The queue's URL, from memory when it was asked before; a missing queue fails the
     * future.
     */
    public CompletableFuture<String> url(String queue) {
        String known = urls.get(queue);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return sqs.getQueueUrl(request -> request.queueName(queue)).thenApply(response -> {
            urls.put(queue, response.queueUrl());
            return response.queueUrl();
        });
    }

    /** Asks SQS again next time. */
    public void forget(String queue) {
        urls.remove(queue);
    }

}
