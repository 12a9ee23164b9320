package dev.appointments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.faults.check.Ledger;
import dev.appointments.faults.check.Ledger.Outcome;
import dev.appointments.faults.drive.Command;
import dev.appointments.faults.drive.Commands;
import dev.appointments.faults.drive.Providers;
import dev.appointments.faults.fleet.ReadinessWatch;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.report.FaultReport;
import dev.appointments.faults.report.ScenarioResult;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Queue outage: SQS cannot be reached for a while (the relay in front of ElasticMQ
 * refuses connections and breaks the open ones; ElasticMQ keeps its messages). Producers
 * and the HTTP intake must get a clear error (503 with Retry-After), the consumers must
 * resume, and nothing may be lost.
 */
@Order(4)
class QueueOutageFaultIntegrationTests {

    private static final Duration CALM = Duration.ofSeconds(5);

    private final Scale scale = Scale.current();

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void answersClearlyWhileTheQueueIsUnreachableAndLosesNothing() throws Exception {
        system.fleet.shape(SystemUnderTest.standardShape(scale));
        String providerId = Providers.create(system.api, system.uri(Service.REQUEST, "/"), "queue-outage", false,
                Duration.ofHours(6));
        int perSecond = 10;
        BookingStream stream = new BookingStream(system.producer, providerId, "queue-outage", perSecond,
                (int) (perSecond * (scale.queueOutage().toSeconds() + 3 * CALM.toSeconds())));
        List<Providers.Slot> intakeSlots = Providers.slots(1000).subList(900, 1000);
        List<String> intakeAccepted = new ArrayList<>();
        List<String> duringOutage = new ArrayList<>();
        List<String> opsDuringOutage = new ArrayList<>();

        Map<String, String> readinessDuring;
        Instant restored;
        try (ReadinessWatch watch = new ReadinessWatch(system.fleet.all())) {
            stream.start();
            Thread.sleep(CALM);
            system.fleet.sqsProxy().cut();
            try {
                long probes = 3;
                for (int i = 0; i < probes; i++) {
                    Thread.sleep(scale.queueOutage().dividedBy(probes + 1));
                    HttpResponse<String> response = intake(providerId, intakeSlots.get(i));
                    duringOutage.add(response.statusCode() + " Retry-After="
                            + response.headers().firstValue("Retry-After").orElse("none"));
                    if (response.statusCode() == 202) {
                        intakeAccepted.add(requestIdOf(response));
                    }
                    HttpResponse<String> ops = system.api.get(system.uri(Service.QUERY, "/api/ops/queues"), "demo-ops");
                    opsDuringOutage.add(ops.statusCode() + " Retry-After="
                            + ops.headers().firstValue("Retry-After").orElse("none"));
                }
                Thread.sleep(scale.queueOutage().dividedBy(probes + 1));
                readinessDuring = watch.latest();
            }
            finally {
                system.fleet.sqsProxy().restore();
                restored = Instant.now();
            }
            HttpResponse<String> after = intake(providerId, intakeSlots.get(50));
            assertThat(after.statusCode()).as("intake after the outage: " + after.body()).isEqualTo(202);
            intakeAccepted.add(requestIdOf(after));
            Thread.sleep(CALM);
            stream.stop();
        }

        List<String> sent = new ArrayList<>(stream.sent());
        sent.addAll(intakeAccepted);
        Map<String, Outcome> outcomes = system.ledger.awaitOutcomes(sent, Duration.ofMinutes(3));
        Instant lastOutcome = outcomes.values().stream().map(Outcome::recordedAt).max(Instant::compareTo).orElseThrow();
        Duration recovery = Duration.between(restored, lastOutcome);
        List<Ledger.Appointment> appointments = system.ledger.appointmentsOf(providerId);
        int lost = sent.size() - outcomes.size();
        long clearIntakeAnswers = duringOutage.stream()
            .filter(answer -> answer.startsWith("503") && !answer.endsWith("=none"))
            .count();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bookings accepted by SQS or the intake", sent.size());
        figures.put("bookings answered", outcomes.size());
        figures.put("producer sends refused during the outage (retried)", stream.failedSends());
        figures.put("intake answers during the outage", duringOutage);
        figures.put("ops API answers during the outage", opsDuringOutage);
        figures.put("readiness at the end of the outage", readinessDuring);
        figures.put("seconds from the queue's return to the last outcome", recovery.toMillis() / 1000.0);
        FaultReport.record(new ScenarioResult("Queue outage", scale.name(),
                "%d bookings at %d/s by SQS, and by the HTTP intake during and after the outage".formatted(sent.size(),
                        perSecond),
                "SQS unreachable for %d s (connections refused, open ones broken)"
                    .formatted(scale.queueOutage().toSeconds()),
                lost,
                Ledger.duplicatedTransitions(appointments) + appointments.size()
                        - outcomes.values().stream().filter(Outcome::accepted).count(),
                Ledger.doubleBookings(appointments), recovery, figures));

        assertThat(lost).as("bookings without an outcome").isZero();
        assertThat(stream.failedSends()).as("producer sends that saw the outage").isPositive();
        assertThat(clearIntakeAnswers)
            .as("intake answers during the outage that were 503 with Retry-After: " + duringOutage)
            .isEqualTo(duringOutage.size());
    }

    private HttpResponse<String> intake(String providerId, Providers.Slot slot) {
        Command booking = Commands.book(Commands.requestId("queue-outage-http"), providerId, slot.date(), slot.start(),
                Providers.SLOT_MINUTES);
        return system.api.send(HttpRequest.newBuilder(system.uri(Service.REQUEST, "/api/appointment-requests"))
            .header("Authorization", "Bearer " + system.api.token("demo-scheduler"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(booking.body())));
    }

    private static String requestIdOf(HttpResponse<String> accepted) {
        return accepted.body().replaceAll("(?s).*\"requestId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

}
