package dev.appointments.health;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * UP when every queue the service reads or writes exists and answers; reports each
 * queue's visible message count as a detail.
 */
class SqsHealthIndicator extends AbstractHealthIndicator {

    private static final long TIMEOUT_SECONDS = 5;

    private final SqsAsyncClient sqs;

    private final List<String> queues;

    SqsHealthIndicator(SqsAsyncClient sqs, List<String> queues) {
        super("SQS is unreachable");
        this.sqs = sqs;
        this.queues = queues;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.up();
        for (String queue : queues) {
            String url = sqs.getQueueUrl(request -> request.queueName(queue))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .queueUrl();
            String visible = sqs
                .getQueueAttributes(request -> request.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            builder.withDetail(queue, java.util.Map.of("visibleMessages", Long.parseLong(visible)));
        }
    }

}
