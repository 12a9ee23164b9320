package dev.appointments.request;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import dev.appointments.rules.DateOverride;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import dev.appointments.store.patient.Patients;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BookingIntegrationTests extends RequestServiceIntegrationTest {

    @Autowired
    Patients patients;

    @Autowired
    MeterRegistry meters;

    @Test
    void booksAnAppointmentAndTellsTheConfirmationService() {
        String provider = newProvider(false);
        String requestId = newRequestId();

        send(requestAppointment(requestId, provider, unique("ada"), "2027-03-03", "09:30", 30));

        Outcome outcome = awaitOutcome(requestId);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ACCEPTED);
        Map<String, AttributeValue> appointment = appointmentsOf(provider).getFirst();
        assertThat(appointment.get("appointmentId").s()).isEqualTo(outcome.appointmentId());
        assertThat(appointment.get("status").s()).isEqualTo("REQUESTED");
        assertThat(appointment.get("startsAt").s()).isEqualTo("2027-03-03T14:30:00Z");
        assertThat(appointment.get("version").n()).isEqualTo("1");
        assertThat(busyOf(provider)).containsExactly("2027-03-03T14:30:00Z/2027-03-03T15:00:00Z");
        Message fact = awaitFact(requestId).getFirst();
        assertThat(attribute(fact, "type")).isEqualTo("AppointmentRequested");
        assertThat(fact.body()).contains("\"appointmentId\":\"" + outcome.appointmentId() + "\"")
            .contains("\"startsAt\":\"2027-03-03T14:30:00Z\"")
            .contains("\"autoConfirm\":false");
    }

    @Test
    void anOutcomeExpiresAfterItsRetentionWhileTheAppointmentAndThePatientNeverDo() {
        String provider = newProvider(false);
        String requestId = newRequestId();
        String email = unique("kept");
        send(requestAppointment(requestId, provider, email, "2027-03-03", "11:30", null));
        Outcome outcome = awaitOutcome(requestId);

        // DynamoDB's TTL reads epoch seconds from the attribute the tables declare
        // (aws-resources, deploy/).
        assertThat(item(Tables.RequestOutcomes.NAME, "requestId", requestId).get("expiresAt").n())
            .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(item(Tables.Appointments.NAME, "appointmentId", outcome.appointmentId()))
            .doesNotContainKey("expiresAt");
        assertThat(item(Tables.Patients.NAME, "patientId", patients.findIdByEmail(email).orElseThrow()))
            .doesNotContainKey("expiresAt");
    }

    @Test
    void fiftyConcurrentRequestsForOneSlotBookExactlyOne() {
        String provider = newProvider(false);
        List<String> requestIds = IntStream.range(0, 50).mapToObj(i -> newRequestId()).toList();
        String url = queueUrl(Queues.APPOINTMENT_REQUESTS);
        for (int from = 0; from < 50; from += 10) {
            List<SendMessageBatchRequestEntry> entries = requestIds.subList(from, from + 10)
                .stream()
                .map(requestId -> SendMessageBatchRequestEntry.builder()
                    .id(requestId)
                    .messageBody(requestAppointment(requestId, provider, unique("p"), "2027-03-04", "10:00", null))
                    .build())
                .toList();
            engines.sqs().sendMessageBatch(request -> request.queueUrl(url).entries(entries));
        }

        List<Outcome> all = requestIds.stream().map(this::awaitOutcome).toList();

        assertThat(all).filteredOn(outcome -> outcome.status() == OutcomeStatus.ACCEPTED).hasSize(1);
        assertThat(all).filteredOn(outcome -> "SLOT_UNAVAILABLE".equals(outcome.reason())).hasSize(49);
        assertThat(appointmentsOf(provider)).hasSize(1);
        assertThat(busyOf(provider)).containsExactly("2027-03-04T15:00:00Z/2027-03-04T15:15:00Z");
    }

    @Test
    void concurrentBookingsOfOneDayAllCommitWithoutRedelivery() {
        // Every booking of the day writes the same calendar item: those that lose its
        // version read it again.
        String provider = newProvider(false);
        List<String> times = IntStream.range(0, 32)
            .mapToObj(i -> "%02d:%02d".formatted(9 + i / 4, (i % 4) * 15))
            .toList();
        List<String> requestIds = IntStream.range(0, 40).mapToObj(i -> newRequestId()).toList();
        double failedBefore = failedMessages();
        String url = queueUrl(Queues.APPOINTMENT_REQUESTS);
        for (int from = 0; from < requestIds.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = IntStream.range(from, from + 10)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                    .id(requestIds.get(i))
                    .messageBody(requestAppointment(requestIds.get(i), provider, unique("c"), "2027-03-04",
                            times.get(i % times.size()), null))
                    .build())
                .toList();
            engines.sqs().sendMessageBatch(request -> request.queueUrl(url).entries(entries));
        }

        List<Outcome> all = requestIds.stream().map(this::awaitOutcome).toList();

        assertThat(all).filteredOn(outcome -> outcome.status() == OutcomeStatus.ACCEPTED).hasSize(32);
        assertThat(all).filteredOn(outcome -> "SLOT_UNAVAILABLE".equals(outcome.reason())).hasSize(8);
        assertThat(failedMessages()).as("messages left for SQS to redeliver").isEqualTo(failedBefore);
    }

    @Test
    void aCommandDeliveredTwiceHasTheEffectOfOne() {
        String provider = newProvider(false);
        String requestId = newRequestId();
        String email = unique("twice");
        String body = requestAppointment(requestId, provider, email, "2027-03-05", "11:00", null);

        send(body);
        send(body);

        Outcome outcome = awaitOutcome(requestId);
        await().atMost(Duration.ofSeconds(20)).until(() -> awaitFact(requestId).size() >= 2);
        assertThat(awaitFact(requestId)).extracting(Message::body)
            .allMatch(fact -> fact.contains(outcome.appointmentId()));
        assertThat(appointmentsOf(provider)).hasSize(1);
        assertThat(patients.findIdByEmail(email)).isPresent();
        assertThat(patientsWithEmail(email)).isEqualTo(1);
    }

    @Test
    void aRequestIdReusedForADifferentCommandIsRefusedWhereTheProducerSeesItAndChangesNothingElse() {
        String provider = newProvider(false);
        String requestId = newRequestId();
        send(requestAppointment(requestId, provider, unique("first"), "2027-03-05", "13:00", null));
        Outcome first = awaitOutcome(requestId);
        double countedBefore = meters.counter("appointments.commands.duplicate.request.id").count();

        String second = requestAppointment(requestId, provider, unique("second"), "2027-03-05", "14:00", null);
        send(second);
        send(second);
        String marker = newRequestId();
        send(requestAppointment(marker, provider, unique("marker"), "2027-03-05", "15:00", null));
        awaitOutcome(marker);

        List<Map<String, AttributeValue>> refused = await().atMost(Duration.ofSeconds(20))
            .until(() -> laterSubmissionsOf(requestId), submissions -> !submissions.isEmpty());
        assertThat(refused).singleElement().satisfies(submission -> {
            assertThat(submission.get("reason").s()).isEqualTo("DUPLICATE_REQUEST_ID");
            assertThat(submission.get("commandType").s()).isEqualTo("RequestAppointment");
            assertThat(submission.get("at").s()).isEqualTo(NOW.toString());
        });
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(meters.counter("appointments.commands.duplicate.request.id").count())
                .isEqualTo(countedBefore + 1));
        Outcome after = outcomes.find(requestId).orElseThrow();
        assertThat(List.of(after.status(), after.commandType(), after.fingerprint(), after.appointmentId(),
                after.recordedAt(), after.message()))
            .isEqualTo(List.of(first.status(), first.commandType(), first.fingerprint(), first.appointmentId(),
                    first.recordedAt(), first.message()));
        assertThat(appointmentsOf(provider)).extracting(item -> item.get("startsAt").s())
            .containsExactlyInAnyOrder("2027-03-05T18:00:00Z", "2027-03-05T20:00:00Z");
    }

    @Test
    void overlappingDurationsAreCaught() {
        String provider = newProvider(false);
        String longer = newRequestId();
        String overlapping = newRequestId();
        send(requestAppointment(longer, provider, unique("a"), "2027-03-08", "09:30", 30));
        assertThat(awaitOutcome(longer).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        send(requestAppointment(overlapping, provider, unique("b"), "2027-03-08", "09:45", 15));

        assertThat(awaitOutcome(overlapping).reason()).isEqualTo("SLOT_UNAVAILABLE");
    }

    @Test
    void aBookingInTheDaylightSavingWeekLandsAtTheRightInstant() {
        // New York moves its clocks forward on Sunday 2027-03-14.
        String provider = newProvider(false);
        String before = newRequestId();
        String after = newRequestId();

        send(requestAppointment(before, provider, unique("a"), "2027-03-12", "09:30", null));
        send(requestAppointment(after, provider, unique("b"), "2027-03-15", "09:30", null));

        assertThat(startOf(awaitOutcome(before))).isEqualTo("2027-03-12T14:30:00Z");
        assertThat(startOf(awaitOutcome(after))).isEqualTo("2027-03-15T13:30:00Z");
    }

    @Test
    void eachBookingRuleRejectsWithItsOwnReason() {
        var rules = ProviderRules
            .withDefaults("Rules clinic", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))))
            .withDateOverrides(List.of(DateOverride.closedOn(LocalDate.of(2027, 3, 10))));
        String provider = newProvider(rules);
        Map<String, String> expectations = Map.of("IN_THE_PAST",
                requestAppointment("%s", provider, unique("x"), "2027-02-26", "10:00", null), "TOO_SHORT_NOTICE",
                requestAppointment("%s", provider, unique("x"), "2027-03-01", "16:00", null), "TOO_FAR_AHEAD",
                requestAppointment("%s", provider, unique("x"), "2027-06-07", "10:00", null), "OUTSIDE_SCHEDULE",
                requestAppointment("%s", provider, unique("x"), "2027-03-06", "10:00", null), "MISALIGNED",
                requestAppointment("%s", provider, unique("x"), "2027-03-03", "10:07", null), "INVALID_DURATION",
                requestAppointment("%s", provider, unique("x"), "2027-03-03", "10:00", 20), "UNKNOWN_PROVIDER",
                requestAppointment("%s", "nobody-" + UUID.randomUUID(), unique("x"), "2027-03-03", "10:00", null),
                "INVALID", requestAppointment("%s", provider, "not-an-email", "2027-03-03", "10:00", null));
        Map<String, String> closedDay = Map.of("OUTSIDE_SCHEDULE",
                requestAppointment("%s", provider, unique("x"), "2027-03-10", "10:00", null));

        for (var expectation : List.of(expectations, closedDay)) {
            expectation.forEach((reason, template) -> {
                String requestId = newRequestId();
                send(template.replaceFirst("%s", requestId));
                Outcome outcome = awaitOutcome(requestId);
                assertThat(outcome.status()).as(reason).isEqualTo(OutcomeStatus.REJECTED);
                assertThat(outcome.reason()).as(outcome.message()).isEqualTo(reason);
                assertThat(outcome.message()).isNotBlank();
            });
        }
        assertThat(appointmentsOf(provider)).isEmpty();
    }

    @Test
    void aBufferKeepsNeighboursApart() {
        var rules = ProviderRules
            .withDefaults("Buffer clinic", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))))
            .withBufferMinutes(15);
        String provider = newProvider(rules);
        String first = newRequestId();
        String tooClose = newRequestId();
        String apart = newRequestId();
        send(requestAppointment(first, provider, unique("a"), "2027-03-03", "10:00", null));
        assertThat(awaitOutcome(first).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        send(requestAppointment(tooClose, provider, unique("b"), "2027-03-03", "10:15", null));
        send(requestAppointment(apart, provider, unique("c"), "2027-03-03", "10:30", null));

        assertThat(awaitOutcome(tooClose).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(awaitOutcome(apart).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void aKnownPatientBooksByIdAndAnUnknownOneIsRejected() {
        String provider = newProvider(false);
        String email = unique("known");
        String first = newRequestId();
        send(requestAppointment(first, provider, email, "2027-03-09", "09:00", null));
        awaitOutcome(first);
        String patientId = patients.findIdByEmail(email).orElseThrow();
        String byId = newRequestId();
        String unknown = newRequestId();

        send("""
                {"type": "RequestAppointment", "requestId": "%s", "providerId": "%s", "patientId": "%s",
                 "appointmentDate": "2027-03-09", "startTime": "09:15"}""".formatted(byId, provider, patientId));
        send("""
                {"type": "RequestAppointment", "requestId": "%s", "providerId": "%s", "patientId": "nobody",
                 "appointmentDate": "2027-03-09", "startTime": "09:30"}""".formatted(unknown, provider));

        assertThat(awaitOutcome(byId).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(awaitOutcome(unknown).reason()).isEqualTo("UNKNOWN_PATIENT");
    }

    private String startOf(Outcome outcome) {
        return engines.dynamoDb()
            .getItem(request -> request.tableName(Tables.Appointments.NAME)
                .key(Map.of("appointmentId", AttributeValue.fromS(outcome.appointmentId()))))
            .item()
            .get("startsAt")
            .s();
    }

    private long patientsWithEmail(String email) {
        return engines.dynamoDb()
            .getItem(request -> request.tableName(Tables.PatientEmails.NAME)
                .key(Map.of("email", AttributeValue.fromS(email.toLowerCase()))))
            .item()
            .size() > 0 ? 1 : 0;
    }

    List<Message> awaitFact(String requestId) {
        return await().atMost(Duration.ofSeconds(20))
            .until(() -> peek(Queues.APPOINTMENT_CONFIRMATIONS).stream()
                .filter(message -> requestId.equals(attribute(message, "requestId")))
                .toList(), facts -> !facts.isEmpty());
    }

    private Map<String, AttributeValue> item(String table, String key, String value) {
        return engines.dynamoDb()
            .getItem(request -> request.tableName(table).key(Map.of(key, AttributeValue.fromS(value))))
            .item();
    }

    /**
     * The later submissions recorded with a requestId's outcome, read straight from
     * DynamoDB.
     */
    private List<Map<String, AttributeValue>> laterSubmissionsOf(String requestId) {
        AttributeValue list = engines.dynamoDb()
            .getItem(request -> request.tableName(Tables.RequestOutcomes.NAME)
                .key(Map.of("requestId", AttributeValue.fromS(requestId))))
            .item()
            .get("laterSubmissions");
        return list == null ? List.of() : list.l().stream().map(AttributeValue::m).toList();
    }

    /**
     * Messages the consumer threw on, which SQS delivers again after the visibility
     * timeout.
     */
    private double failedMessages() {
        return meters.find("sqs.binder.messages.failed")
            .tag("binding", "appointmentRequests-in-0")
            .counters()
            .stream()
            .mapToDouble(io.micrometer.core.instrument.Counter::count)
            .sum();
    }

    static String unique(String name) {
        return name + "." + UUID.randomUUID() + "@example.com";
    }

}
