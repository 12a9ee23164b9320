package dev.appointments.benchmarks.pipeline;

import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Waits until queues hold no message, visible or in flight: the work that one phase left
 * behind is done. Delayed messages (timers due within the SQS delay limit) are not waited
 * for.
 */
final class QueueDrain {

    private QueueDrain() {
    }

    static boolean await(SqsClient sqs, List<String> queues, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<String> urls = queues.stream()
            .map(queue -> sqs.getQueueUrl(get -> get.queueName(queue)).queueUrl())
            .toList();
        while (System.nanoTime() < end) {
            if (urls.stream().allMatch(url -> empty(sqs, url))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static boolean empty(SqsClient sqs, String url) {
        var attributes = sqs
            .getQueueAttributes(get -> get.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

}
