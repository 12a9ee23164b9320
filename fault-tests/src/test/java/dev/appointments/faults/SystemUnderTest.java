package dev.appointments.faults;

import java.net.URI;
import java.util.List;

import dev.appointments.faults.check.Ledger;
import dev.appointments.faults.check.Mailbox;
import dev.appointments.faults.drive.Api;
import dev.appointments.faults.drive.Producer;
import dev.appointments.faults.fleet.Fleet;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.fleet.Shape;

/**
 * What every scenario works with: the fleet, a producer that reaches SQS as the services
 * do (through the relay that a queue outage cuts), the HTTP APIs, DynamoDB and the
 * mailbox.
 */
final class SystemUnderTest {

    private static SystemUnderTest shared;

    final Fleet fleet;

    final Producer producer;

    final Api api;

    final Ledger ledger;

    final Mailbox mailbox;

    private SystemUnderTest(Fleet fleet) {
        this.fleet = fleet;
        this.producer = new Producer(fleet.sqsProxy().endpoint());
        this.api = new Api(fleet::token);
        this.ledger = new Ledger(fleet.engines().dynamoDb());
        this.mailbox = new Mailbox(fleet.mail().mailsEndpoint());
    }

    static synchronized SystemUnderTest get() {
        if (shared == null) {
            shared = new SystemUnderTest(Fleet.shared());
        }
        return shared;
    }

    /**
     * Reminders due this long before an appointment: the service's own 24 h and 2 h, and
     * five more a minute apart that let the timers scenario have a reminder fall due a
     * few minutes after it books, whatever the time.
     */
    static final List<java.time.Duration> REMINDER_OFFSETS = List.of(java.time.Duration.ofHours(24),
            java.time.Duration.ofHours(2), java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(11),
            java.time.Duration.ofMinutes(12), java.time.Duration.ofMinutes(13), java.time.Duration.ofMinutes(14));

    /** The shape most scenarios run: every service once, the request-service twice. */
    static Shape standardShape(Scale scale) {
        return Shape.oneOfEach()
            .with(Service.REQUEST, Math.min(2, scale.raceInstances()))
            .withArguments(Service.REMINDER, List.of("--appointments.reminder.offsets="
                    + String.join(",", REMINDER_OFFSETS.stream().map(d -> d.toMinutes() + "m").toList())));
    }

    URI uri(Service service, String path) {
        return fleet.first(service).baseUri().resolve(path);
    }

    /** Dead-letter queue depth of every work queue, summed. */
    long deadLetters() {
        return List
            .of(dev.appointments.resources.Queues.APPOINTMENT_REQUESTS,
                    dev.appointments.resources.Queues.APPOINTMENT_CONFIRMATIONS,
                    dev.appointments.resources.Queues.APPOINTMENT_REMINDERS)
            .stream()
            .mapToLong(queue -> producer.depth(queue + "-dlq"))
            .sum();
    }

}
