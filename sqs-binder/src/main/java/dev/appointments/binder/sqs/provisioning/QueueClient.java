package dev.appointments.binder.sqs.provisioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.appointments.binder.sqs.AsyncCalls;
import dev.appointments.resources.RedrivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * The SQS calls of provisioning, made blocking because binding happens once at start-up.
 */
final class QueueClient {

    private static final Logger log = LoggerFactory.getLogger(QueueClient.class);

    /**
     * SQS always reports these; an engine that leaves one out (ElasticMQ ignores the
     * retention period) does not support it, and setting it on every start would only
     * pretend to change something.
     */
    private static final Set<QueueAttributeName> ALWAYS_REPORTED = Set.of(QueueAttributeName.VISIBILITY_TIMEOUT,
            QueueAttributeName.MESSAGE_RETENTION_PERIOD);

    private final SqsAsyncClient sqs;

    QueueClient(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    Optional<String> findUrl(String name) {
        try {
            return Optional.of(AsyncCalls.join(sqs.getQueueUrl(request -> request.queueName(name))).queueUrl());
        }
        catch (QueueDoesNotExistException ex) {
            return Optional.empty();
        }
    }

    /**
     * Creates the queue with the attributes when it is missing. When it exists and
     * {@code correct} is set, only the attributes that differ are set, so that running
     * this again changes nothing.
     */
    String ensure(String name, Map<QueueAttributeName, String> attributes, boolean correct) {
        Optional<String> existing = findUrl(name);
        if (existing.isEmpty()) {
            try {
                String url = AsyncCalls.join(sqs.createQueue(request -> request.queueName(name).attributes(attributes)))
                    .queueUrl();
                log.info("Created SQS queue {}", name);
                return url;
            }
            catch (QueueNameExistsException ex) {
                // Another instance created it meanwhile, with other attributes: treat it
                // as existing.
                existing = findUrl(name);
            }
        }
        String url = existing
            .orElseThrow(() -> new IllegalStateException("Queue " + name + " vanished while provisioning"));
        if (correct) {
            correct(name, url, attributes);
        }
        return url;
    }

    Map<QueueAttributeName, String> attributes(String url, List<QueueAttributeName> names) {
        return AsyncCalls.join(sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(names)))
            .attributes();
    }

    private void correct(String name, String url, Map<QueueAttributeName, String> wanted) {
        Map<QueueAttributeName, String> current = attributes(url, new ArrayList<>(wanted.keySet()));
        Map<QueueAttributeName, String> differing = new HashMap<>();
        wanted.forEach((attribute, value) -> {
            boolean unsupported = !current.containsKey(attribute) && ALWAYS_REPORTED.contains(attribute);
            if (!unsupported && !same(attribute, current.get(attribute), value)) {
                differing.put(attribute, value);
            }
        });
        if (!differing.isEmpty()) {
            AsyncCalls.join(sqs.setQueueAttributes(request -> request.queueUrl(url).attributes(differing)));
            log.info("Set attributes {} of SQS queue {}", differing.keySet(), name);
        }
    }

    /**
     * Compares a redrive policy by meaning, since SQS may echo maxReceiveCount as a
     * number or as a string.
     */
    private static boolean same(QueueAttributeName attribute, String current, String wanted) {
        if (current == null || attribute != QueueAttributeName.REDRIVE_POLICY) {
            return Objects.equals(current, wanted);
        }
        return RedrivePolicy.parse(current).equals(RedrivePolicy.parse(wanted));
    }

}
