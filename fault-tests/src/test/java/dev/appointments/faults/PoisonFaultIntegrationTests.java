package dev.appointments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.appointments.faults.check.Ledger;
import dev.appointments.faults.check.Ledger.Outcome;
import dev.appointments.faults.drive.Command;
import dev.appointments.faults.drive.Commands;
import dev.appointments.faults.drive.Providers;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.fleet.Shape;
import dev.appointments.faults.report.FaultReport;
import dev.appointments.faults.report.ScenarioResult;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Poison and redrive: malformed and oversized messages end in the dead-letter queue with
 * their bodies intact; valid commands that fail for a cause outside them (a provider
 * whose stored rules cannot be read) end there too, and once the cause is removed, a
 * redrive through the ops API ({@code POST /api/ops/dlq/{queue}/redrive}, ops role only)
 * brings them back and they are processed. The malformed ones, redriven with them, return
 * to the dead-letter queue.
 */
@Order(6)
class PoisonFaultIntegrationTests {

    private final Scale scale = Scale.current();

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void deadLettersPoisonIntactAndProcessesRedrivenCommandsOnceTheCauseIsGone() throws Exception {
        system.fleet.shape(deadLetterShape(scale));
        Duration deadLetterWait = scale.deadLetterFast() ? Duration.ofMinutes(2) : Duration.ofMinutes(8);
        String providerId = Providers.create(system.api, system.uri(Service.REQUEST, "/"), "poison", false,
                Duration.ofHours(6));
        Map<String, AttributeValue> goodProvider = providerItem(providerId);
        Map<String, AttributeValue> corrupt = new HashMap<>(goodProvider);
        corrupt.put("rules", AttributeValue.fromS("{\"name\": \"cut off in the middle"));
        system.fleet.engines().dynamoDb().putItem(request -> request.tableName(Tables.Providers.NAME).item(corrupt));

        Map<String, List<String>> malformed = Map.of(Commands.REQUESTS, new ArrayList<>(), Commands.CONFIRMATIONS,
                new ArrayList<>());
        for (int i = 0; i < scale.poisonMessages(); i++) {
            String queue = i % 2 == 0 ? Commands.REQUESTS : Commands.CONFIRMATIONS;
            String body = Poison.body(i, queue, providerId);
            system.producer.send(queue, body, null);
            malformed.get(queue).add(body);
        }
        List<Command> valid = new ArrayList<>();
        List<Providers.Slot> slots = Providers.slots(scale.poisonMessages());
        for (Providers.Slot slot : slots) {
            Command booking = Commands.book(Commands.requestId("poison-valid"), providerId, slot.date(), slot.start(),
                    Providers.SLOT_MINUTES);
            system.producer.send(Commands.REQUESTS, booking.body(), booking.type());
            valid.add(booking);
        }
        Instant sent = Instant.now();

        Set<String> expectedInRequestsDlq = new HashSet<>(malformed.get(Commands.REQUESTS));
        valid.forEach(command -> expectedInRequestsDlq.add(command.body()));
        Set<String> expectedInConfirmationsDlq = new HashSet<>(malformed.get(Commands.CONFIRMATIONS));
        Set<String> missingFromRequestsDlq = awaitInDeadLetters(Commands.REQUESTS, expectedInRequestsDlq,
                deadLetterWait);
        Set<String> missingFromConfirmationsDlq = awaitInDeadLetters(Commands.CONFIRMATIONS, expectedInConfirmationsDlq,
                deadLetterWait);
        Duration toDeadLetters = Duration.between(sent, Instant.now());
        Map<String, Outcome> answeredWhileBroken = system.ledger
            .outcomes(valid.stream().map(Command::requestId).toList());

        int forbidden = system.api
            .post(system.uri(Service.QUERY, "/api/ops/dlq/appointment-requests/redrive"), "demo-scheduler", "")
            .statusCode();
        system.fleet.engines()
            .dynamoDb()
            .putItem(request -> request.tableName(Tables.Providers.NAME).item(goodProvider));
        Instant causeRemoved = Instant.now();
        String requestsRedrive = redrive(Commands.REQUESTS);
        String confirmationsRedrive = redrive(Commands.CONFIRMATIONS);

        List<String> validIds = valid.stream().map(Command::requestId).toList();
        Map<String, Outcome> outcomes = system.ledger.awaitOutcomes(validIds, Duration.ofMinutes(3));
        Instant lastOutcome = outcomes.values()
            .stream()
            .map(Outcome::recordedAt)
            .max(Instant::compareTo)
            .orElse(causeRemoved);
        Set<String> malformedAll = new HashSet<>(malformed.get(Commands.REQUESTS));
        Set<String> notBackInRequestsDlq = awaitInDeadLetters(Commands.REQUESTS,
                new HashSet<>(malformed.get(Commands.REQUESTS)), deadLetterWait);
        Set<String> notBackInConfirmationsDlq = awaitInDeadLetters(Commands.CONFIRMATIONS,
                new HashSet<>(malformed.get(Commands.CONFIRMATIONS)), deadLetterWait);
        malformedAll.addAll(malformed.get(Commands.CONFIRMATIONS));
        List<Ledger.Appointment> appointments = system.ledger.appointmentsOf(providerId);
        long accepted = outcomes.values().stream().filter(Outcome::accepted).count();

        int lost = valid.size() - (int) accepted + notBackInRequestsDlq.size() + notBackInConfirmationsDlq.size();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("malformed messages sent (requests / confirmations)",
                malformed.get(Commands.REQUESTS).size() + " / " + malformed.get(Commands.CONFIRMATIONS).size());
        figures.put("kinds of malformed message", Poison.KINDS);
        figures.put("valid bookings failing on an unreadable provider", valid.size());
        figures.put("queue settings", scale.deadLetterFast() ? "visibility 3 s, 3 receives" : "service defaults");
        figures.put("sent but not found intact in the dead-letter queues",
                missingFromRequestsDlq.size() + missingFromConfirmationsDlq.size());
        figures.put("seconds until all were dead-lettered", toDeadLetters.toMillis() / 1000.0);
        figures.put("valid bookings answered before the cause was removed", answeredWhileBroken.size());
        figures.put("redrive by a scheduler token", forbidden);
        figures.put("redrives (requests / confirmations)", requestsRedrive + " / " + confirmationsRedrive);
        figures.put("valid bookings accepted after the redrive", accepted);
        figures.put("malformed messages back in the dead-letter queues after the redrive",
                malformedAll.size() - notBackInRequestsDlq.size() - notBackInConfirmationsDlq.size());
        figures.put("seconds from the cause's removal to the last outcome",
                Duration.between(causeRemoved, lastOutcome).toMillis() / 1000.0);
        FaultReport.record(new ScenarioResult("Poison and redrive", scale.name(),
                "%d malformed or oversized messages, %d valid bookings".formatted(malformedAll.size(), valid.size()),
                "unreadable bodies; a provider whose stored rules cannot be read, repaired before the redrive", lost,
                appointments.size() - accepted, Ledger.doubleBookings(appointments),
                Duration.between(causeRemoved, lastOutcome), figures));

        assertThat(missingFromRequestsDlq).as("bodies not found intact in appointment-requests-dlq").isEmpty();
        assertThat(missingFromConfirmationsDlq).as("bodies not found intact in appointment-confirmations-dlq")
            .isEmpty();
        assertThat(answeredWhileBroken).as("valid bookings answered while their provider could not be read").isEmpty();
        assertThat(forbidden).as("redrive with a scheduler token").isEqualTo(403);
        assertThat(accepted).as("valid bookings accepted after the redrive").isEqualTo(valid.size());
        assertThat(appointments).as("appointments").hasSize(valid.size());
        assertThat(notBackInRequestsDlq).as("malformed requests not back in the dead-letter queue").isEmpty();
        assertThat(notBackInConfirmationsDlq).as("malformed confirmations not back in the dead-letter queue").isEmpty();
    }

    /**
     * The shape of the scenarios that feed the system bad input: every service once, the
     * consumers' queues dead-lettering in seconds at short scale, and the intake's
     * per-client rate limit (30 a minute) raised, so that the fuzz's requests reach the
     * code that reads them rather than all being answered 429.
     */
    static Shape deadLetterShape(Scale scale) {
        Shape shape = Shape.oneOfEach()
            .withArguments(Service.REQUEST,
                    List.of("--appointments.security.rate-limit.limits[0].method=POST",
                            "--appointments.security.rate-limit.limits[0].path=/api/appointment-requests",
                            "--appointments.security.rate-limit.limits[0].capacity=100000",
                            "--appointments.security.rate-limit.limits[0].period=1m"));
        if (scale.deadLetterFast()) {
            shape = shape.withQueue(Service.REQUEST, Duration.ofSeconds(3), 3)
                .withQueue(Service.CONFIRMATION, Duration.ofSeconds(3), 3);
        }
        return shape;
    }

    private Map<String, AttributeValue> providerItem(String providerId) {
        return system.fleet.engines()
            .dynamoDb()
            .getItem(request -> request.tableName(Tables.Providers.NAME)
                .key(Map.of(Tables.Providers.ID, AttributeValue.fromS(providerId)))
                .consistentRead(true))
            .item();
    }

    /**
     * Waits until every body is in the queue's dead-letter queue; returns those that are
     * not.
     */
    private Set<String> awaitInDeadLetters(String queue, Set<String> bodies, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = new HashSet<>(bodies);
        while (true) {
            missing.removeAll(system.producer.peekAll(queue + "-dlq").values());
            if (missing.isEmpty() || System.nanoTime() > deadline) {
                return missing;
            }
            Thread.sleep(3000);
        }
    }

    /**
     * Starts a redrive through the ops API and follows it until it completes; returns its
     * final view.
     */
    private String redrive(String queue) throws InterruptedException {
        HttpResponse<String> started = system.api.post(system.uri(Service.QUERY, "/api/ops/dlq/" + queue + "/redrive"),
                "demo-ops", "");
        assertThat(started.statusCode()).as("redrive of " + queue + ": " + started.body()).isEqualTo(202);
        URI progress = system.uri(Service.QUERY, "/").resolve(started.headers().firstValue("Location").orElseThrow());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String body = system.api.get(progress, "demo-ops").body();
            if (!body.contains("\"status\":\"RUNNING\"")) {
                return body.replaceAll("(?s).*\"status\":\"([A-Z_]+)\".*\"moved\":(\\d+).*", "$1, $2 moved");
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The redrive of " + queue + " did not finish within 2 minutes");
    }

    /** Bodies no consumer can read, each unique, of several kinds. */
    static final class Poison {

        static final List<String> KINDS = List.of("plain text", "truncated JSON", "unknown type", "no requestId",
                "200 KB of text", "a JSON array", "no type");

        private Poison() {
        }

        static String body(int i, String queue, String providerId) {
            String marker = Commands.requestId("poison-" + i);
            String type = queue.equals(Commands.REQUESTS) ? "RequestAppointment" : "ConfirmAppointment";
            return switch (i % KINDS.size()) {
                case 0 -> "poison " + marker + ": this is not JSON";
                case 1 -> "{\"type\": \"" + type + "\", \"requestId\": \"" + marker + "\", \"providerId\": ";
                case 2 -> "{\"type\": \"TeleportAppointment\", \"requestId\": \"" + marker + "\"}";
                case 3 -> "{\"type\": \"" + type + "\", \"providerId\": \"" + providerId + "\", \"appointmentId\": \""
                        + marker + "\", \"appointmentDate\": \"2030-01-02\"," + " \"startTime\": \"10:00\"}";
                case 4 -> marker + " " + "x".repeat(200_000);
                case 5 -> "[\"" + marker + "\"]";
                default -> "{\"requestId\": \"" + marker + "\", \"appointmentId\": \"a-1\"}";
            };
        }

    }

}
