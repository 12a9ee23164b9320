package dev.appointments.benchmarks.pipeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.appointments.resources.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain SDK programs over queues and tables of their own on the same engines as the
 * system. The raw harness makes, per booking, the calls of the two booking stages: the
 * request stage reads the provider's time around the slot (one consistent Query), writes
 * the appointment, its slot lock and the outcome in one transaction that also checks the
 * patient and the provider's version (the services cache the provider's rules and read no
 * outcome first) and sends the fact; the confirmation stage confirms the appointment by
 * one conditional UpdateItem on its status and version and sends two notices. Each stage
 * has the services' concurrency; each thread receives up to ten messages, handles them in
 * turn and deletes them in one batch. The minimal harness is the least a booking needs:
 * receive, one transaction, one send, delete.
 */
final class RawHarness {

    private static final String PREFIX = "raw-";

    private static final String PROVIDER = "raw-provider";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, MessageAttributeValue> HEADERS = Map.of("type", text("AppointmentRequested"),
            "contentType", text("application/json"), "requestId", text("raw-00000000-0000-0000-0000-000000000000"));

    private final SqsClient sender;

    private final DynamoDbClient setup;

    private final URI sqsEndpoint;

    private final URI dynamoDbEndpoint;

    private final int concurrency;

    private final AtomicLong slots = new AtomicLong();

    private int runs;

    private static volatile String providerVersion = "1";

    RawHarness(URI sqsEndpoint, URI dynamoDbEndpoint, int concurrency) {
        this.sqsEndpoint = sqsEndpoint;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.concurrency = concurrency;
        this.sender = Clients.sqs(sqsEndpoint, "benchmark");
        this.setup = Clients.dynamoDb(dynamoDbEndpoint, "benchmark");
    }

    /**
     * The harnesses' tables, with the keys and indexes of the system's, and a provider
     * like demo-auto.
     */
    void createTables(Map<String, AttributeValue> providerItem) {
        List<String> used = List.of(Tables.Appointments.NAME, Tables.Patients.NAME, Tables.Providers.NAME,
                Tables.SlotLocks.NAME, Tables.RequestOutcomes.NAME);
        Tables.all()
            .stream()
            .filter(table -> used.contains(table.tableName()))
            .forEach(table -> setup.createTable(table.toBuilder().tableName(PREFIX + table.tableName()).build()));
        Map<String, AttributeValue> provider = new java.util.HashMap<>(providerItem);
        provider.put(Tables.Providers.ID, AttributeValue.fromS(PROVIDER));
        if (provider.containsKey("version")) {
            providerVersion = provider.get("version").n();
        }
        setup.putItem(put -> put.tableName(PREFIX + Tables.Providers.NAME).item(provider));
    }

    /** The two booking stages over {@code count} bookings sent in a burst. */
    Phase twoStages(String name, int count, Duration timeout) throws Exception {
        String run = "r" + (++runs);
        String requests = queue(run + "-requests");
        String facts = queue(run + "-facts");
        String notices = queue(run + "-notices");
        try (DynamoDbClient stageOneDb = Clients.dynamoDb(dynamoDbEndpoint, "raw-request");
                SqsClient stageOneSqs = Clients.sqs(sqsEndpoint, "raw-request");
                DynamoDbClient stageTwoDb = Clients.dynamoDb(dynamoDbEndpoint, "raw-confirmation");
                SqsClient stageTwoSqs = Clients.sqs(sqsEndpoint, "raw-confirmation")) {
            return run(name, run, count, requests, timeout, (runner, done) -> {
                runner.stage(stageOneSqs, requests, message -> book(stageOneDb, stageOneSqs, facts, message, true));
                runner.stage(stageTwoSqs, facts, message -> {
                    confirm(stageTwoDb, stageTwoSqs, notices, message);
                    done.accept(JSON.readTree(message.body()).get("requestId").asString());
                });
            });
        }
    }

    /** Receive, one transaction, one send, delete: the least work a booking needs. */
    Phase minimal(String name, int count, Duration timeout) throws Exception {
        String run = "m" + (++runs);
        String requests = queue(run + "-requests");
        String facts = queue(run + "-facts");
        try (DynamoDbClient db = Clients.dynamoDb(dynamoDbEndpoint, "minimal");
                SqsClient sqs = Clients.sqs(sqsEndpoint, "minimal")) {
            return run(name, run, count, requests, timeout, (runner, done) -> runner.stage(sqs, requests, message -> {
                book(db, sqs, facts, message, false);
                done.accept(JSON.readTree(message.body()).get("requestId").asString());
            }));
        }
    }

    private interface Stages {

        void start(StageThreads runner, Consumer<String> done);

    }

    private Phase run(String name, String run, int count, String requests, Duration timeout, Stages stages)
            throws Exception {
        writePatients(run, count);
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> finished = new ConcurrentHashMap<>();
        AtomicInteger finishedCount = new AtomicInteger();
        StageThreads runner = new StageThreads(concurrency);
        Meter meter = new Meter();
        stages.start(runner, requestId -> {
            if (finished.putIfAbsent(requestId, System.nanoTime()) == null) {
                finishedCount.incrementAndGet();
            }
        });
        for (int from = 0; from < count; from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            long now = System.nanoTime();
            for (int i = from; i < Math.min(count, from + 10); i++) {
                String requestId = run + "-request-" + i;
                sent.put(requestId, now);
                entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(command(run, i))
                    .build());
            }
            sender.sendMessageBatch(send -> send.queueUrl(requests).entries(entries));
        }
        long end = System.nanoTime() + timeout.toNanos();
        while (finishedCount.get() < count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        Meter.Reading reading = meter.read();
        runner.stop();
        if (finishedCount.get() < count) {
            throw new IllegalStateException("%s: %d of %d bookings passed the last stage within %s".formatted(name,
                    finishedCount.get(), count, timeout));
        }
        Meter.Reading stopped = meter.read();
        long first = sent.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long last = finished.values().stream().mapToLong(Long::longValue).max().orElse(first);
        List<Long> latencies = new ArrayList<>();
        finished.forEach((requestId, at) -> latencies.add(at - sent.get(requestId)));
        return new Phase(name, count, finishedCount.get(), (last - first) / 1e9, reading.cpuSeconds(),
                reading.cpuSeconds(), stopped.calls(), null, Latencies.ofNanos(latencies));
    }

    /**
     * A command like the system's, with the number of a slot no other booking of any run
     * takes.
     */
    private String command(String run, int i) {
        return JSON.writeValueAsString(Map.of("type", "RequestAppointment", "requestId", run + "-request-" + i,
                "providerId", PROVIDER, "patientId", run + "-patient-" + i, "appointmentDate", "2026-12-01",
                "startTime", "09:15", "slot", slots.incrementAndGet()));
    }

    /**
     * The request stage: one consistent Query of the provider's time around the slot, the
     * booking transaction with the patient and provider checks, the fact (or, minimal: no
     * read and no checks).
     */
    private static void book(DynamoDbClient db, SqsClient sqs, String facts, Message message, boolean reads) {
        var command = JSON.readTree(message.body());
        String requestId = command.get("requestId").asString();
        String patientId = command.get("patientId").asString();
        String appointmentId = "appointment-" + requestId;
        Instant start = Instant.parse("2026-12-01T14:15:00Z").plusSeconds(900 * command.get("slot").asLong());
        List<TransactWriteItem> items = new ArrayList<>(List.of(
                put(Tables.Appointments.NAME,
                        RawItems.appointment(appointmentId, PROVIDER, patientId, start, "REQUESTED", 1, requestId),
                        "attribute_not_exists(appointmentId)", Map.of()),
                put(Tables.SlotLocks.NAME, RawItems.slotLock(PROVIDER, start, appointmentId),
                        "attribute_not_exists(slotStart)", Map.of()),
                put(Tables.RequestOutcomes.NAME, RawItems.outcome(requestId, appointmentId),
                        "attribute_not_exists(requestId)", Map.of())));
        if (reads) {
            db.query(query -> query.tableName(PREFIX + Tables.SlotLocks.NAME)
                .consistentRead(true)
                .keyConditionExpression("providerId = :p AND slotStart BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(PROVIDER), ":from",
                        AttributeValue.fromS(start.minusSeconds(900).toString()), ":to",
                        AttributeValue.fromS(start.plusSeconds(900).toString()))));
            items.add(check(Tables.Patients.NAME, Tables.Patients.ID, patientId,
                    "attribute_exists(" + Tables.Patients.ID + ")", Map.of()));
            items.add(check(Tables.Providers.NAME, Tables.Providers.ID, PROVIDER, "version = :version",
                    Map.of(":version", AttributeValue.fromN(providerVersion))));
        }
        db.transactWriteItems(write -> write.transactItems(items));
        String fact = JSON.writeValueAsString(Map.of("type", "AppointmentRequested", "requestId", requestId,
                "appointmentId", appointmentId, "providerId", PROVIDER, "patientId", patientId, "startsAt",
                start.toString(), "endsAt", start.plusSeconds(900).toString(), "autoConfirm", true,
                "confirmationTimeout", "PT15M", "version", 1));
        sqs.sendMessage(send -> send.queueUrl(facts).messageBody(fact).messageAttributes(HEADERS));
    }

    /**
     * The confirmation stage: one conditional UpdateItem to CONFIRMED on status and
     * version, two notices.
     */
    private static void confirm(DynamoDbClient db, SqsClient sqs, String notices, Message message) {
        var fact = JSON.readTree(message.body());
        String requestId = fact.get("requestId").asString();
        String appointmentId = fact.get("appointmentId").asString();
        var confirmed = db.updateItem(update -> update.tableName(PREFIX + Tables.Appointments.NAME)
            .key(Map.of(Tables.Appointments.ID, AttributeValue.fromS(appointmentId)))
            .updateExpression("SET #status = :confirmed, version = :next, updatedAt = :at")
            .conditionExpression("#status = :expectedStatus AND version = :expectedVersion")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(Map.of(":confirmed", AttributeValue.fromS("CONFIRMED"), ":next",
                    AttributeValue.fromN("2"), ":at", AttributeValue.fromS(Instant.now().toString()), ":expectedStatus",
                    AttributeValue.fromS("REQUESTED"), ":expectedVersion", AttributeValue.fromN("1")))
            .returnValues(ReturnValue.ALL_NEW)).attributes();
        Instant start = Instant.parse(confirmed.get("startsAt").s());
        for (String kind : List.of("NotifyPatient", "PlanReminders")) {
            String notice = JSON.writeValueAsString(Map.of("type", kind, "appointmentId", appointmentId, "causeId",
                    requestId, "kind", "CONFIRMED", "startsAt", start.toString()));
            sqs.sendMessage(send -> send.queueUrl(notices).messageBody(notice).messageAttributes(HEADERS));
        }
    }

    private static TransactWriteItem check(String table, String key, String id, String condition,
            Map<String, AttributeValue> values) {
        var check = ConditionCheck.builder()
            .tableName(PREFIX + table)
            .key(Map.of(key, AttributeValue.fromS(id)))
            .conditionExpression(condition);
        if (!values.isEmpty()) {
            check.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition,
            Map<String, AttributeValue> values) {
        var put = Put.builder().tableName(PREFIX + table).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private void writePatients(String run, int count) {
        for (int from = 0; from < count; from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 25); i++) {
                int n = i;
                writes.add(WriteRequest.builder()
                    .putRequest(put -> put.item(RawItems.patient(run + "-patient-" + n)))
                    .build());
            }
            setup.batchWriteItem(write -> write.requestItems(Map.of(PREFIX + Tables.Patients.NAME, writes)));
        }
    }

    private String queue(String name) {
        return sender.createQueue(create -> create.queueName(PREFIX + name)).queueUrl();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

}
