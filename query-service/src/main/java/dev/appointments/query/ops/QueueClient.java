package dev.appointments.query.ops;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.appointments.resources.QueueUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The ops API's way to SQS: queue URLs resolved once, and every call bounded in time,
 * with failures turned into a 503 problem that names the queue.
 */
@Component
class QueueClient {

    private static final Logger log = LoggerFactory.getLogger(QueueClient.class);

    private static final long TIMEOUT_SECONDS = 10;

    private final SqsAsyncClient sqs;

    private final QueueUrls urls;

    QueueClient(SqsAsyncClient sqs) {
        this.sqs = sqs;
        this.urls = new QueueUrls(sqs);
    }

    SqsAsyncClient sqs() {
        return sqs;
    }

    CompletableFuture<String> url(String queue) {
        return urls.url(queue);
    }

    CompletableFuture<Map<QueueAttributeName, String>> attributes(String queue, QueueAttributeName... names) {
        return url(queue)
            .thenCompose(url -> sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(names)))
            .thenApply(response -> response.attributes());
    }

    String arn(String queue) {
        return await(queue, attributes(queue, QueueAttributeName.QUEUE_ARN)).get(QueueAttributeName.QUEUE_ARN);
    }

    /**
     * Waits for a call about {@code queue}; SQS trouble becomes {@link SqsUnavailable}.
     */
    <T> T await(String queue, CompletableFuture<T> call) {
        try {
            return call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SqsUnavailable("Interrupted while asking SQS about queue " + queue + ".", ex);
        }
        catch (TimeoutException ex) {
            throw unavailable(queue, ex);
        }
        catch (ExecutionException | CompletionException ex) {
            throw unavailable(queue, ex.getCause() == null ? ex : ex.getCause());
        }
    }

    private SqsUnavailable unavailable(String queue, Throwable cause) {
        if (cause instanceof SqsUnavailable already) {
            return already;
        }
        if (cause instanceof QueueDoesNotExistException) {
            urls.forget(queue);
            return new SqsUnavailable("Queue " + queue + " does not exist in SQS.", cause);
        }
        if (cause instanceof RuntimeException runtime && !(runtime instanceof SdkException)) {
            throw runtime;
        }
        log.warn("SQS call about queue {} failed: {}", queue, cause.toString());
        return new SqsUnavailable("SQS did not answer about queue " + queue + "; try again in a few seconds.", cause);
    }

}
