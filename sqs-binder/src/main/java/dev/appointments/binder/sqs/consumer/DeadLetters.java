package dev.appointments.binder.sqs.consumer;

import java.util.Map;

import dev.appointments.binder.sqs.AsyncCalls;
import dev.appointments.resources.RedrivePolicy;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Moves a message to its queue's dead-letter queue at once, when the function failed on
 * it with an exception the binding declares not retryable
 * ({@code retryable-exceptions.<class>: false}): a message that can never be read gains
 * nothing from {@code max-receive-count} redeliveries. The copy keeps the body and the
 * message attributes as received; the dead-letter queue is the one the queue's redrive
 * policy names.
 */
final class DeadLetters {

    private final SqsAsyncClient sqs;

    private final String queue;

    private final Map<Class<? extends Throwable>, Boolean> retryable;

    private volatile String deadLetterQueueUrl;

    DeadLetters(SqsAsyncClient sqs, String queue, Map<Class<? extends Throwable>, Boolean> retryable) {
        this.sqs = sqs;
        this.queue = queue;
        this.retryable = Map.copyOf(retryable);
    }

    /**
     * Whether the failure, or one of its causes, is of a class the binding declares not
     * retryable.
     */
    boolean notRetryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable current = cause;
            if (retryable.entrySet()
                .stream()
                .anyMatch(entry -> !entry.getValue() && entry.getKey().isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends the received message to the dead-letter queue, body and attributes intact,
     * and returns its name.
     * @throws RuntimeException when it could not be sent; the message then stays on the
     * queue for redelivery
     */
    String send(Message<?> message) {
        Object source = message.getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER);
        if (!(source instanceof software.amazon.awssdk.services.sqs.model.Message received)) {
            throw new IllegalStateException("The message from " + queue + " carries no SQS source data");
        }
        String url = deadLetterQueueUrl();
        AsyncCalls.join(sqs.sendMessage(request -> request.queueUrl(url)
            .messageBody(received.body())
            .messageAttributes(received.messageAttributes())));
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String deadLetterQueueUrl() {
        String url = deadLetterQueueUrl;
        if (url == null) {
            String queueUrl = AsyncCalls.join(sqs.getQueueUrl(request -> request.queueName(queue))).queueUrl();
            String policy = AsyncCalls
                .join(sqs.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY)))
                .attributes()
                .get(QueueAttributeName.REDRIVE_POLICY);
            String name = RedrivePolicy.parse(policy)
                .orElseThrow(() -> new IllegalStateException(
                        "Queue " + queue + " has no redrive policy, so no dead-letter queue"))
                .deadLetterQueueName();
            url = AsyncCalls.join(sqs.getQueueUrl(request -> request.queueName(name))).queueUrl();
            deadLetterQueueUrl = url;
        }
        return url;
    }

}
