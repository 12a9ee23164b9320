package dev.appointments.resources;

import java.time.Duration;
import java.util.List;

/**
 * The three work queues of the system, each with its dead-letter queue.
 */
public final class Queues {

    public static final String APPOINTMENT_REQUESTS = "appointment-requests";

    public static final String APPOINTMENT_CONFIRMATIONS = "appointment-confirmations";

    public static final String APPOINTMENT_REMINDERS = "appointment-reminders";

    public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;

    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

    private Queues() {
    }

    /** Every work queue with the default redrive settings. */
    public static List<QueueDefinition> all() {
        return all(DEFAULT_MAX_RECEIVE_COUNT);
    }

    /** Every work queue with the given receive count before dead-lettering. */
    public static List<QueueDefinition> all(int maxReceiveCount) {
        return List.of(new QueueDefinition(APPOINTMENT_REQUESTS, maxReceiveCount, DEFAULT_VISIBILITY_TIMEOUT),
                new QueueDefinition(APPOINTMENT_CONFIRMATIONS, maxReceiveCount, DEFAULT_VISIBILITY_TIMEOUT),
                new QueueDefinition(APPOINTMENT_REMINDERS, maxReceiveCount, DEFAULT_VISIBILITY_TIMEOUT));
    }

}
