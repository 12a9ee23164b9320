package dev.appointments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.faults.check.Ledger;
import dev.appointments.faults.check.Ledger.Outcome;
import dev.appointments.faults.check.Mailbox;
import dev.appointments.faults.drive.Providers;
import dev.appointments.faults.fleet.ReadinessWatch;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.report.FaultReport;
import dev.appointments.faults.report.ScenarioResult;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Database outage: the DynamoDB engine refuses connections for a while in the middle of a
 * stream of bookings. Nothing may reach a dead-letter queue, every service must report
 * itself not ready while it lasts and ready after it, and every command must be processed
 * within 30 seconds of the database's return.
 */
@Order(3)
class DatabaseOutageFaultIntegrationTests {

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

    private static final Duration CALM = Duration.ofSeconds(5);

    private final Scale scale = Scale.current();

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void pausesWhileTheDatabaseIsDownAndCatchesUpAfter() throws Exception {
        system.fleet.shape(SystemUnderTest.standardShape(scale));
        long deadLettersBefore = system.deadLetters();
        String providerId = Providers.create(system.api, system.uri(Service.REQUEST, "/"), "db-outage", true,
                Duration.ofMinutes(15));
        int perSecond = 10;
        BookingStream stream = new BookingStream(system.producer, providerId, "db-outage", perSecond,
                (int) (perSecond * (scale.databaseOutage().toSeconds() + 3 * CALM.toSeconds())));

        Map<String, String> readinessDuring;
        Instant returned;
        try (ReadinessWatch watch = new ReadinessWatch(system.fleet.all())) {
            stream.start();
            Thread.sleep(CALM);
            system.fleet.engines().stopDynamoDb();
            try {
                Thread.sleep(scale.databaseOutage());
                readinessDuring = watch.latest();
            }
            finally {
                system.fleet.engines().startDynamoDb();
                returned = Instant.now();
            }
            Thread.sleep(CALM);
            stream.stop();
        }
        Duration readyAgain = awaitAllReady(returned);

        List<String> sent = stream.sent();
        Map<String, Outcome> outcomes = system.ledger.awaitOutcomes(sent, Duration.ofMinutes(3));
        Instant lastOutcome = outcomes.values().stream().map(Outcome::recordedAt).max(Instant::compareTo).orElseThrow();
        Duration recovery = Duration.between(returned, lastOutcome);
        List<Ledger.Appointment> appointments = awaitConfirmed(providerId, sent.size());
        long confirmed = appointments.stream().filter(a -> a.status().equals("CONFIRMED")).count();
        List<String> patients = sent.stream().map(Mailbox::patientOf).toList();
        List<Mailbox.Mail> mails = awaitOneMailEach(patients);
        int duplicateMails = Mailbox.duplicates(mails);
        long missingMails = patients.stream().filter(p -> Mailbox.to(mails, p::equals).isEmpty()).count();
        long deadLettered = system.deadLetters() - deadLettersBefore;
        long notDownDuring = readinessDuring.values().stream().filter("UP"::equals).count();
        int lost = sent.size() - outcomes.size();
        int refused = (int) outcomes.values().stream().filter(outcome -> !outcome.accepted()).count();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bookings sent", sent.size());
        figures.put("bookings answered", outcomes.size());
        figures.put("bookings refused", refused);
        figures.put("appointments confirmed", confirmed);
        figures.put("confirmation e-mails", mails.size());
        figures.put("patients without one", missingMails);
        figures.put("duplicate e-mails", duplicateMails);
        figures.put("duplicated notifications", Mailbox.duplicated(mails));
        figures.put("readiness at the end of the outage", readinessDuring);
        figures.put("seconds until every instance was ready again", readyAgain.toMillis() / 1000.0);
        figures.put("seconds from the database's return to the last outcome", recovery.toMillis() / 1000.0);
        figures.put("messages dead-lettered", deadLettered);
        FaultReport.record(new ScenarioResult("Database outage", scale.name(),
                "%d bookings at %d/s (auto-confirmed), before, during and after the outage".formatted(sent.size(),
                        perSecond),
                "DynamoDB refuses connections for %d s".formatted(scale.databaseOutage().toSeconds()),
                lost + (sent.size() - confirmed) + missingMails,
                Ledger.duplicatedTransitions(appointments) + duplicateMails, Ledger.doubleBookings(appointments),
                recovery, figures));

        assertThat(lost).as("bookings without an outcome").isZero();
        assertThat(refused).as("bookings refused").isZero();
        assertThat(confirmed).as("appointments confirmed").isEqualTo(sent.size());
        assertThat(deadLettered).as("messages in a dead-letter queue").isZero();
        assertThat(missingMails).as("patients without a confirmation e-mail").isZero();
        assertThat(duplicateMails).as("duplicate e-mails: " + Mailbox.duplicated(mails)).isZero();
        assertThat(notDownDuring).as("instances reporting ready while the database was down: " + readinessDuring)
            .isZero();
        assertThat(recovery).as("time from the database's return to the last outcome").isLessThan(RECOVERY_LIMIT);
    }

    private Duration awaitAllReady(Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (system.fleet.all().stream().allMatch(instance -> "UP".equals(instance.readiness()))) {
                return Duration.between(since, Instant.now());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not every instance was ready 2 minutes after the database returned: "
                + system.fleet.all().stream().map(i -> i + "=" + i.readiness()).toList());
    }

    /** Every patient's confirmation e-mail, and any copies that follow soon after. */
    private List<Mailbox.Mail> awaitOneMailEach(List<String> patients) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Mailbox.Mail> mails = Mailbox.toAny(system.mailbox.all(), patients);
            if (patients.stream().allMatch(p -> !Mailbox.to(mails, p::equals).isEmpty())
                    || System.nanoTime() > deadline) {
                Thread.sleep(5000);
                return Mailbox.toAny(system.mailbox.all(), patients);
            }
            Thread.sleep(1000);
        }
    }

    private List<Ledger.Appointment> awaitConfirmed(String providerId, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Ledger.Appointment> appointments = system.ledger.appointmentsOf(providerId);
            if (appointments.stream().filter(a -> a.status().equals("CONFIRMED")).count() >= expected
                    || System.nanoTime() > deadline) {
                return appointments;
            }
            Thread.sleep(1000);
        }
    }

}
