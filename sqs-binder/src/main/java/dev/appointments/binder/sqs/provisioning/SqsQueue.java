package dev.appointments.binder.sqs.provisioning;

import org.springframework.cloud.stream.provisioning.ConsumerDestination;
import org.springframework.cloud.stream.provisioning.ProducerDestination;

/**
 * A bound queue, as resolved by the provisioner.
 *
 * @param name the queue name, which is the binding's destination
 * @param url the queue URL
 */
public record SqsQueue(String name, String url) implements ConsumerDestination, ProducerDestination {

    @Override
    public String getName() {
        return name;
    }

    /** SQS has no partitions: every partition is the queue itself. */
    @Override
    public String getNameForPartition(int partition) {
        return name;
    }
}
