package dev.appointments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.faults.check.Ledger.Outcome;
import dev.appointments.faults.drive.Commands;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.report.FaultReport;
import dev.appointments.faults.report.ScenarioResult;
import dev.appointments.resources.Queues;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Unreadable commands whose requestId can still be read, with the services' own queue
 * settings (30 s visibility, 5 receives): each goes to the dead-letter queue at once,
 * within less than one visibility timeout rather than after every redelivery, intact, and
 * its producer learns where it went: a refusal (INVALID, naming the dead-letter queue) is
 * recorded, and the outcome endpoint answers it instead of "still waiting in the queue".
 */
@Order(8)
class UnreadableCommandsFaultIntegrationTests {

    /**
     * Less than one visibility timeout of the services' queues: no redelivery can have
     * happened before.
     */
    private static final Duration AT_ONCE = Duration.ofSeconds(20);

    private static final List<String> KINDS = List.of("unknown type", "wrong types", "no type");

    private final Scale scale = Scale.current();

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void deadLettersUnreadableCommandsAtOnceAndTellsTheirProducer() throws Exception {
        system.fleet.shape(SystemUnderTest.standardShape(scale));
        int perKind = Math.max(1, scale.poisonMessages() / 5);
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 0; i < perKind; i++) {
            for (String kind : KINDS) {
                String requestId = Commands.requestId("unreadable");
                String body = switch (kind) {
                    case "unknown type" -> "{\"type\": \"TeleportAppointment\", \"requestId\": \"" + requestId + "\"}";
                    case "wrong types" -> "{\"type\": \"CancelAppointment\", \"requestId\": \"" + requestId
                            + "\", \"appointmentId\": {\"id\": 1}}";
                    default -> "{\"requestId\": \"" + requestId + "\", \"appointmentId\": \"a-1\"}";
                };
                bodies.put(requestId, body);
            }
        }
        Instant sent = Instant.now();
        bodies.values().forEach(body -> system.producer.send(Commands.REQUESTS, body, null));

        Map<String, Instant> deadLettered = deadLettered(bodies, AT_ONCE);
        Map<String, Outcome> outcomes = system.ledger.awaitOutcomes(bodies.keySet(), Duration.ofSeconds(10));
        List<String> notAnswered = new ArrayList<>();
        for (String requestId : bodies.keySet()) {
            HttpResponse<String> answer = system.api
                .get(system.uri(Service.QUERY, "/api/appointment-requests/" + requestId), "demo-scheduler");
            if (answer.statusCode() != 200 || !answer.body().contains(Commands.REQUESTS + "-dlq")) {
                notAnswered.add(requestId + ": " + answer.statusCode());
            }
        }
        long invalid = outcomes.values()
            .stream()
            .filter(outcome -> "REJECTED".equals(outcome.status()) && "INVALID".equals(outcome.reason()))
            .count();
        Duration lastDeadLetter = deadLettered.values()
            .stream()
            .max(Instant::compareTo)
            .map(at -> Duration.between(sent, at))
            .orElse(null);
        int lost = bodies.size() - Math.min(deadLettered.size(), outcomes.size());

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("unreadable commands sent", bodies.size());
        figures.put("in the dead-letter queue, intact, within " + AT_ONCE.toSeconds() + " s", deadLettered.size());
        figures.put("seconds from sending to the last dead letter",
                lastDeadLetter == null ? null : lastDeadLetter.toMillis() / 1000.0);
        figures.put("outcomes recorded", outcomes.size());
        figures.put("outcomes REJECTED INVALID", invalid);
        figures.put("outcome endpoint answers without the outcome", notAnswered.size());
        FaultReport.record(new ScenarioResult("Unreadable commands", scale.name(),
                "%d commands with a readable requestId and an unknown type, wrong field types or no type".formatted(
                        bodies.size()),
                "unreadable bodies on " + Commands.REQUESTS + " (30 s visibility, 5 receives)", lost, 0, 0,
                lastDeadLetter, figures));

        assertThat(deadLettered).as("bodies intact in the dead-letter queue within " + AT_ONCE.toSeconds() + " s")
            .hasSize(bodies.size());
        assertThat(outcomes).as("outcomes of unreadable commands with a readable requestId").hasSize(bodies.size());
        assertThat(invalid).as("outcomes REJECTED INVALID").isEqualTo(bodies.size());
        assertThat(notAnswered).as("outcome endpoint answers that are not the outcome").isEmpty();
    }

    /**
     * Which of these bodies (by requestId) are in the dead-letter queue within the time
     * given, and since when.
     */
    private Map<String, Instant> deadLettered(Map<String, String> bodies, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Instant> found = new HashMap<>();
        while (found.size() < bodies.size() && System.nanoTime() < deadline) {
            var dead = system.producer.peekAll(Queues.APPOINTMENT_REQUESTS + "-dlq").values();
            Instant now = Instant.now();
            bodies.forEach((requestId, body) -> {
                if (dead.contains(body)) {
                    found.putIfAbsent(requestId, now);
                }
            });
            Thread.sleep(1000);
        }
        return found;
    }

}
