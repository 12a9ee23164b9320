package dev.appointments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.appointments.faults.check.Ledger.Outcome;
import dev.appointments.faults.drive.Command;
import dev.appointments.faults.drive.Commands;
import dev.appointments.faults.drive.HttpFuzz;
import dev.appointments.faults.drive.Mutations;
import dev.appointments.faults.drive.Providers;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.report.FaultReport;
import dev.appointments.faults.report.ScenarioResult;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzz: mutated command bodies on both command queues, and mutated HTTP requests to the
 * intake, admin and read APIs. Every message must get an outcome or a dead-letter entry;
 * every HTTP request an answer below 500 without a stack trace; and no log line of any
 * service may carry a patient's personal data.
 */
@Order(7)
class FuzzFaultIntegrationTests {

    /** A Java stack frame or a chained cause, as an uncaught exception prints them. */
    private static final Pattern STACK_TRACE = Pattern
        .compile("(\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\))|(Caused by: )|(\\n\\tat )");

    /**
     * Personal data the suite's patients carry (see Commands.book): names, e-mail domain,
     * phone, birth date.
     */
    private static final List<String> PERSONAL_DATA = List.of(Commands.LAST_NAME, "@example.com", "+15550100200",
            "1985-04-12");

    private static final int SQS_LIMIT = 250_000;

    private final Scale scale = Scale.current();

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void answersEveryMutatedMessageAndRequestWithoutServerErrorsOrLeaks() throws Exception {
        system.fleet.shape(PoisonFaultIntegrationTests.deadLetterShape(scale));
        Random random = new Random(20261130L);
        String providerId = Providers.create(system.api, system.uri(Service.REQUEST, "/"), "fuzz", false,
                Duration.ofHours(6));
        List<ObjectNode> bases = bases(providerId);

        List<Fuzzed> messages = new ArrayList<>();
        Map<String, Integer> mutationCounts = new TreeMap<>();
        Instant started = Instant.now();
        while (messages.size() < scale.fuzzMessages()) {
            ObjectNode base = bases.get(random.nextInt(bases.size())).deepCopy();
            String requestId = Commands.requestId("fuzz");
            base.put("requestId", requestId);
            String queue = Commands.queueOf(base.get("type").asString());
            Mutations.Mutated mutated = Mutations.mutate(base, random);
            if (mutated.body().getBytes(StandardCharsets.UTF_8).length > SQS_LIMIT) {
                continue;
            }
            mutated.mutations().forEach(name -> mutationCounts.merge(name, 1, Integer::sum));
            messages.add(new Fuzzed(requestId, requestIdIn(mutated.body()), queue, mutated.body()));
        }
        List<Fuzzed> refusedBySqs = sendAll(messages);
        messages.removeAll(refusedBySqs);
        Duration waitLimit = scale.deadLetterFast() ? Duration.ofMinutes(4) : Duration.ofMinutes(20);
        Map<String, Outcome> outcomes = new HashMap<>();
        Set<Fuzzed> unresolved = awaitResolved(messages, outcomes, waitLimit);
        Duration toResolve = Duration.between(started, Instant.now());
        long answered = messages.stream().filter(m -> m.answeredIn(outcomes)).count();

        HttpFuzz http = new HttpFuzz(random, system.uri(Service.REQUEST, "/"), system.uri(Service.QUERY, "/"),
                system.api, bases.getFirst());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> stackTraces = new ArrayList<>();
        for (int i = 0; i < scale.fuzzRequests(); i++) {
            HttpFuzz.Request request = http.next();
            HttpResponse<String> response = system.api.send(request.builder());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500 && serverErrors.size() < 20) {
                serverErrors
                    .add(response.statusCode() + " for " + request.detail() + " -> " + abbreviate(response.body()));
            }
            if (STACK_TRACE.matcher(response.body()).find() && stackTraces.size() < 20) {
                stackTraces.add(request.detail() + " -> " + abbreviate(response.body()));
            }
        }
        long serverErrorCount = statuses.entrySet()
            .stream()
            .filter(e -> e.getKey() >= 500)
            .mapToLong(Map.Entry::getValue)
            .sum();
        Map<String, Long> leaks = personalDataInLogs();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mutated messages", messages.size());
        figures.put("mutations applied", mutationCounts);
        figures.put("refused by SQS itself (not sent)", refusedBySqs.size());
        figures.put("answered by an outcome", answered);
        figures.put("dead-lettered without an outcome", messages.size() - answered - unresolved.size());
        figures.put("neither answered nor dead-lettered", unresolved.size());
        figures.put("examples of those", unresolved.stream().limit(5).map(m -> abbreviate(m.body())).toList());
        figures.put("seconds until every message was answered or dead-lettered", toResolve.toMillis() / 1000.0);
        figures.put("queue settings", scale.deadLetterFast() ? "visibility 3 s, 3 receives" : "service defaults");
        figures.put("mutated HTTP requests", scale.fuzzRequests());
        figures.put("HTTP statuses", statuses);
        figures.put("5xx examples", serverErrors);
        figures.put("responses with a stack trace", stackTraces);
        figures.put("log lines with personal data, by service log", leaks);
        FaultReport.record(new ScenarioResult("Fuzz", scale.name(),
                "%d mutated command bodies, %d mutated HTTP requests".formatted(messages.size(), scale.fuzzRequests()),
                "wrong types, missing fields, huge strings, bad dates, unicode, nesting, junk text, bad tokens",
                unresolved.size(), 0, 0, null, figures));

        assertThat(unresolved.stream().map(m -> abbreviate(m.body())).toList())
            .as("messages with neither an outcome nor a dead-letter entry")
            .isEmpty();
        assertThat(serverErrorCount).as("HTTP answers 5xx: " + serverErrors).isZero();
        assertThat(stackTraces).as("HTTP answers with a stack trace").isEmpty();
        assertThat(leaks).as("log lines with personal data").isEmpty();
    }

    /** Valid commands of every type, the fuzz's starting points. */
    private List<ObjectNode> bases(String providerId) {
        List<ObjectNode> bases = new ArrayList<>();
        Providers.Slot slot = Providers.slots(1).getFirst();
        for (Command command : List.of(
                Commands.book("base", providerId, slot.date(), slot.start(), Providers.SLOT_MINUTES),
                Commands.reschedule("base", "appointment-unknown", slot.date(), slot.start()),
                Commands.cancel("base", "appointment-unknown"), Commands.confirm("base", "appointment-unknown"),
                Commands.decline("base", "appointment-unknown"))) {
            bases.add((ObjectNode) Commands.json().readTree(command.body()));
        }
        return bases;
    }

    /**
     * Sends every message; returns those SQS itself refused (an empty body, say), which
     * no consumer can see.
     */
    private List<Fuzzed> sendAll(List<Fuzzed> messages) {
        List<Fuzzed> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        messages.parallelStream().forEach(message -> {
            try {
                system.producer.send(message.queue(), message.body(), null);
            }
            catch (software.amazon.awssdk.services.sqs.model.SqsException invalid) {
                refused.add(message);
            }
        });
        return refused;
    }

    /**
     * Waits until every message has an outcome or is in its queue's dead-letter queue;
     * returns those that are not.
     */
    private Set<Fuzzed> awaitResolved(List<Fuzzed> messages, Map<String, Outcome> outcomes, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Fuzzed> unresolved = new HashSet<>(messages);
        while (true) {
            List<String> ids = new ArrayList<>();
            for (Fuzzed message : unresolved) {
                ids.add(message.requestId());
                // An outcome may be recorded under an invalid requestId, as long as
                // DynamoDB can store it as a key.
                if (message.requestIdInBody() != null && !message.requestIdInBody().isEmpty()
                        && message.requestIdInBody().getBytes(StandardCharsets.UTF_8).length <= 2048) {
                    ids.add(message.requestIdInBody());
                }
            }
            outcomes.putAll(system.ledger.outcomes(ids));
            unresolved.removeIf(message -> message.answeredIn(outcomes));
            for (String queue : List.of(Commands.REQUESTS, Commands.CONFIRMATIONS)) {
                if (unresolved.stream().anyMatch(message -> message.queue().equals(queue))) {
                    Set<String> dead = new HashSet<>(system.producer.peekAll(queue + "-dlq").values());
                    unresolved.removeIf(message -> message.queue().equals(queue) && dead.contains(message.body()));
                }
            }
            if (unresolved.isEmpty() || System.nanoTime() > deadline) {
                return unresolved;
            }
            Thread.sleep(5000);
        }
    }

    /**
     * Lines of the services' logs (this run's) that contain a patient's personal data,
     * counted per log.
     */
    private Map<String, Long> personalDataInLogs() throws IOException {
        Map<String, Long> leaks = new TreeMap<>();
        List<Path> logs;
        try (Stream<Path> files = Files.list(system.fleet.logDirectory())) {
            logs = files.filter(path -> path.toString().endsWith(".log")).sorted().toList();
        }
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                long count = lines.filter(line -> PERSONAL_DATA.stream().anyMatch(line::contains)).count();
                if (count > 0) {
                    leaks.put(log.getFileName().toString(), count);
                }
            }
        }
        return leaks;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /**
     * The requestId text a body carries, if it is a JSON object with a string requestId.
     */
    private static String requestIdIn(String body) {
        try {
            var node = Commands.json().readTree(body);
            return node.isObject() && node.path("requestId").isString() ? node.get("requestId").asString() : null;
        }
        catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * A mutated message.
     *
     * @param requestId the unique requestId it was given before the mutation
     * @param requestIdInBody the requestId it carries after the mutation, possibly an
     * invalid one, or {@code null}
     * @param queue where it was sent
     * @param body what was sent
     */
    private record Fuzzed(String requestId, String requestIdInBody, String queue, String body) {

        boolean answeredIn(Map<String, Outcome> outcomes) {
            return outcomes.containsKey(requestId)
                    || (requestIdInBody != null && outcomes.containsKey(requestIdInBody));
        }
    }

}
