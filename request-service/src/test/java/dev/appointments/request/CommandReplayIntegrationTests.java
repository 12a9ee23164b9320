package dev.appointments.request;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.CommandFingerprint;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command delivered again is answered from its outcome and publishes the facts stored
 * with it, not facts rebuilt from the appointment as it is now; an outcome recorded
 * before facts were stored still answers its command.
 */
class CommandReplayIntegrationTests extends RequestServiceIntegrationTest {

    @Autowired
    Patients patients;

    @Autowired
    Appointments appointments;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    @AfterEach
    void leaveTheConfirmationsQueueEmpty() {
        String url = queueUrl(Queues.APPOINTMENT_CONFIRMATIONS);
        engines.sqs().purgeQueue(request -> request.queueUrl(url));
    }

    @Test
    void aMoveDeliveredAgainPublishesTheFactItPublishedFirstWithThePreviousStart() {
        String appointmentId = booked("09:00");
        String move = newRequestId();
        String body = """
                {"type": "RescheduleAppointment", "requestId": "%s", "appointmentId": "%s",
                 "appointmentDate": "2027-03-11", "startTime": "10:00"}""".formatted(move, appointmentId);

        send(body);
        assertThat(awaitOutcome(move).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        send(body);

        List<Message> facts = await().atMost(Duration.ofSeconds(20))
            .until(() -> factsOf(move), published -> published.size() >= 2);
        assertThat(facts).extracting(Message::body)
            .allSatisfy(fact -> assertThat(fact).contains("\"type\":\"AppointmentRescheduled\"")
                .contains("\"previousStartsAt\":\"2027-03-10T14:00:00Z\"")
                .contains("\"startsAt\":\"2027-03-11T15:00:00Z\""));
        assertThat(facts.getFirst().body()).isEqualTo(facts.get(1).body());
        assertThat(outcomes.find(move).orElseThrow().facts()).singleElement()
            .asString()
            .contains("2027-03-10T14:00:00Z");
    }

    @Test
    void aBookingByPatientIdDeliveredTwiceBooksOnceAndPublishesTheSameFactTwice() {
        String provider = newProvider(false);
        String requestId = newRequestId();
        String body = byPatientId(requestId, provider, newPatient(), "2027-03-10", "11:00");

        send(body);
        awaitOutcome(requestId);
        send(body);

        List<Message> facts = await().atMost(Duration.ofSeconds(20))
            .until(() -> factsOf(requestId), published -> published.size() >= 2);
        assertThat(facts).extracting(Message::body).containsOnly(facts.getFirst().body());
        assertThat(appointmentsOf(provider)).hasSize(1);
        assertThat(outcomes.find(requestId).orElseThrow().laterSubmissions()).isEmpty();
    }

    @Test
    void anOutcomeRecordedBeforeFactsWereStoredStillAnswersItsCommand() {
        String appointmentId = booked("13:00");
        String cancel = newRequestId();
        String body = """
                {"type": "CancelAppointment", "requestId": "%s", "appointmentId": "%s"}""".formatted(cancel,
                appointmentId);
        // As the previous version wrote an accepted cancellation: no facts with it.
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.RequestOutcomes.REQUEST_ID, AttributeValue.fromS(cancel));
        item.put("commandType", AttributeValue.fromS("CancelAppointment"));
        item.put("fingerprint", AttributeValue.fromS(CommandFingerprint.of(CommandFingerprint.payload(json,
                AppointmentRequestsMessage.class, json.readValue(body, AppointmentRequestsMessage.class)))));
        item.put("status", AttributeValue.fromS("ACCEPTED"));
        item.put("message", AttributeValue.fromS("Cancelled."));
        item.put("appointmentId", AttributeValue.fromS(appointmentId));
        item.put("recordedAt", AttributeValue.fromS(NOW.toString()));
        item.put(Tables.EXPIRES_AT,
                AttributeValue.fromN(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond())));
        engines.dynamoDb().putItem(request -> request.tableName(Tables.RequestOutcomes.NAME).item(item));
        double answeredBefore = answered("CancelAppointment");

        send(body);

        await().atMost(Duration.ofSeconds(20)).until(() -> answered("CancelAppointment") > answeredBefore);
        Outcome outcome = outcomes.find(cancel).orElseThrow();
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(outcome.facts()).isNull();
        assertThat(outcome.laterSubmissions()).isEmpty();
        // Answered by the outcome that stands: the command did not run again.
        assertThat(appointments.find(appointmentId).orElseThrow().status()).isEqualTo(AppointmentStatus.REQUESTED);
    }

    @Test
    void aCommandsFingerprintIsTakenOfTheSameJsonAsBeforeSoThatEarlierOutcomesStillMatch() {
        for (String body : List.of(byPatientId("req-1", "provider-1", "patient-1", "2027-03-10", "09:00"),
                requestAppointment("req-2", "provider-1", "ada@example.com", "2027-03-10", "09:00", 30), """
                        {"type": "RescheduleAppointment", "requestId": "req-3", "appointmentId": "a-1",
                         "appointmentDate": "2027-03-11", "startTime": "10:00"}""",
                """
                        {"type": "CancelAppointment", "requestId": "req-4", "appointmentId": "a-1", "reason": "ill"}""")) {
            AppointmentRequestsMessage message = json.readValue(body, AppointmentRequestsMessage.class);

            // Outcomes recorded before the fingerprint moved to the store took it of this
            // JSON.
            assertThat(CommandFingerprint.payload(json, AppointmentRequestsMessage.class, message))
                .isEqualTo(json.writeValueAsString(message));
        }
    }

    /**
     * The id of a new appointment at this time on 2027-03-10, booked by a patient's id.
     */
    private String booked(String time) {
        String booking = newRequestId();
        send(byPatientId(booking, newProvider(false), newPatient(), "2027-03-10", time));
        return awaitOutcome(booking).appointmentId();
    }

    private double answered(String type) {
        return meters.counter("appointments.commands", "type", type, "status", "ACCEPTED", "reason", "none").count();
    }

    private List<Message> factsOf(String requestId) {
        return peek(Queues.APPOINTMENT_CONFIRMATIONS).stream()
            .filter(message -> requestId.equals(attribute(message, "requestId")))
            .toList();
    }

    private String newPatient() {
        return patients
            .findOrCreate(
                    new Patient(null, "Ada", "Lovelace", unique("replay"), null, LocalDate.parse("1990-12-10"), NOW))
            .patientId();
    }

    private static String byPatientId(String requestId, String providerId, String patientId, String date, String time) {
        return """
                {"type": "RequestAppointment", "requestId": "%s", "providerId": "%s", "patientId": "%s",
                 "appointmentDate": "%s", "startTime": "%s"}""".formatted(requestId, providerId, patientId, date, time);
    }

}
