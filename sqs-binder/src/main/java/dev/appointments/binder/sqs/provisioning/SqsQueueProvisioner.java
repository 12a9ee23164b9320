package dev.appointments.binder.sqs.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.appointments.binder.sqs.properties.SqsBinderProperties;
import dev.appointments.binder.sqs.properties.SqsConsumerProperties;
import dev.appointments.binder.sqs.properties.SqsProducerProperties;
import dev.appointments.binder.sqs.properties.SqsQueueProperties;
import dev.appointments.resources.RedrivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.provisioning.ConsumerDestination;
import org.springframework.cloud.stream.provisioning.ProducerDestination;
import org.springframework.cloud.stream.provisioning.ProvisioningException;
import org.springframework.cloud.stream.provisioning.ProvisioningProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Makes each destination a queue with its dead-letter queue {@code <name>-dlq}, wired by
 * a redrive policy. A consumer binding owns its queue's attributes and corrects them when
 * they differ; a producer binding only creates a missing queue, so that a producer with
 * default settings never undoes what the consumer asked for. With
 * {@code auto-create-queues=false} queues are only looked up.
 */
public class SqsQueueProvisioner implements
        ProvisioningProvider<ExtendedConsumerProperties<SqsConsumerProperties>, ExtendedProducerProperties<SqsProducerProperties>> {

    private static final Logger log = LoggerFactory.getLogger(SqsQueueProvisioner.class);

    /** SQS allows 80 characters; the dead-letter queue's suffix takes four of them. */
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,76}");

    private static final Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);

    private final QueueClient queues;

    private final SqsBinderProperties binderProperties;

    public SqsQueueProvisioner(SqsAsyncClient sqs, SqsBinderProperties binderProperties) {
        this.queues = new QueueClient(sqs);
        this.binderProperties = binderProperties;
    }

    @Override
    public ConsumerDestination provisionConsumerDestination(String name, String group,
            ExtendedConsumerProperties<SqsConsumerProperties> properties) {
        return provision(name, properties.getExtension(), true);
    }

    @Override
    public ProducerDestination provisionProducerDestination(String name,
            ExtendedProducerProperties<SqsProducerProperties> properties) {
        return provision(name, properties.getExtension(), false);
    }

    private SqsQueue provision(String name, SqsQueueProperties properties, boolean ownsAttributes) {
        validate(name, properties);
        try {
            if (!binderProperties.autoCreateQueues()) {
                return resolve(name);
            }
            String deadLetterQueueUrl = queues.ensure(name + SqsBinderProperties.DEAD_LETTER_QUEUE_SUFFIX,
                    deadLetterQueueAttributes(), ownsAttributes);
            String deadLetterQueueArn = queues.attributes(deadLetterQueueUrl, List.of(QueueAttributeName.QUEUE_ARN))
                .get(QueueAttributeName.QUEUE_ARN);
            String url = queues.ensure(name, queueAttributes(properties, deadLetterQueueArn), ownsAttributes);
            return new SqsQueue(name, url);
        }
        catch (SdkException ex) {
            throw new ProvisioningException("Could not provision SQS queue " + name + ": " + ex.getMessage(), ex);
        }
    }

    private SqsQueue resolve(String name) {
        String url = queues.findUrl(name)
            .orElseThrow(() -> new ProvisioningException("SQS queue " + name
                    + " does not exist and spring.cloud.stream.sqs.binder.auto-create-queues is false:"
                    + " create it (with its " + name + SqsBinderProperties.DEAD_LETTER_QUEUE_SUFFIX
                    + " dead-letter queue) in the infrastructure code"));
        if (!queues.attributes(url, List.of(QueueAttributeName.REDRIVE_POLICY))
            .containsKey(QueueAttributeName.REDRIVE_POLICY)) {
            log.warn("SQS queue {} has no redrive policy: messages that keep failing come back until they expire",
                    name);
        }
        return new SqsQueue(name, url);
    }

    private Map<QueueAttributeName, String> deadLetterQueueAttributes() {
        return Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                String.valueOf(binderProperties.deadLetterQueueRetention().toSeconds()));
    }

    private static Map<QueueAttributeName, String> queueAttributes(SqsQueueProperties properties,
            String deadLetterQueueArn) {
        return Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                String.valueOf(properties.getVisibilityTimeout().toSeconds()), QueueAttributeName.REDRIVE_POLICY,
                new RedrivePolicy(deadLetterQueueArn, properties.getMaxReceiveCount()).toJson());
    }

    private static void validate(String name, SqsQueueProperties properties) {
        if (name.endsWith(".fifo")) {
            throw new ProvisioningException("FIFO queues are not supported by the sqs binder: " + name);
        }
        if (!QUEUE_NAME.matcher(name).matches()) {
            throw new ProvisioningException(
                    "Invalid SQS queue name '" + name + "': 1 to 76 letters, digits, '-' or '_' (the binder appends "
                            + SqsBinderProperties.DEAD_LETTER_QUEUE_SUFFIX + " for the dead-letter queue)");
        }
        if (properties.getMaxReceiveCount() < 1 || properties.getMaxReceiveCount() > 1000) {
            throw new ProvisioningException("maxReceiveCount of queue " + name + " must be between 1 and 1000, was "
                    + properties.getMaxReceiveCount());
        }
        Duration visibility = properties.getVisibilityTimeout();
        if (visibility.isNegative() || visibility.compareTo(MAX_VISIBILITY_TIMEOUT) > 0) {
            throw new ProvisioningException(
                    "visibilityTimeout of queue " + name + " must be between 0 and 12 hours, was " + visibility);
        }
    }

}
