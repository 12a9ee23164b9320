package dev.appointments.query.outcome;

import java.net.http.HttpResponse;
import java.time.LocalTime;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.query.QueryServiceIntegrationTest;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.outcome.UnreadableCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutcomeIntegrationTests extends QueryServiceIntegrationTest {

    @Autowired
    Outcomes outcomes;

    @Test
    void returnsTheOutcomeOfABooking() {
        String requestId = "req-outcome-" + System.nanoTime();
        Appointment booked = book(newProvider(), newPatient().patientId(), TUESDAY, LocalTime.of(9, 0), requestId);

        HttpResponse<String> response = get("/api/appointment-requests/" + requestId);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("requestId").asString()).isEqualTo(requestId);
        assertThat(body.path("commandType").asString()).isEqualTo("RequestAppointment");
        assertThat(body.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(body.path("appointmentId").asString()).isEqualTo(booked.appointmentId());
        assertThat(body.path("recordedAt").asString()).isEqualTo(NOW.toString());
        assertThat(body.has("reason")).isFalse();
        assertThat(body.has("fingerprint")).isFalse();
        assertThat(body.has("deadLetterQueue")).isFalse();
        assertThat(body.has("laterSubmissions")).isFalse();
    }

    @Test
    void returnsTheReasonOfARejection() {
        String requestId = "req-rejected-" + System.nanoTime();
        outcomes.record(Outcome.rejected(requestId, "RequestAppointment", "f", ReasonCode.SLOT_UNAVAILABLE,
                "The slot is taken.", null, NOW));

        JsonNode body = json(get("/api/appointment-requests/" + requestId));

        assertThat(body.path("status").asString()).isEqualTo("REJECTED");
        assertThat(body.path("reason").asString()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(body.path("message").asString()).isEqualTo("The slot is taken.");
    }

    @Test
    void saysWhichDeadLetterQueueAnUnreadableCommandWasMovedToAndWhy() {
        String requestId = "req-unreadable-" + System.nanoTime();
        String body = "{\"type\": \"RequestAppointment\", \"requestId\": \"" + requestId
                + "\", \"durationMinutes\": \"long\"}";
        JacksonException unreadable = assertThrows(JacksonException.class,
                () -> JsonMapper.builder().build().readValue(body, AppointmentRequestsMessage.class));
        outcomes.record(UnreadableCommand.of(body, null, null, unreadable)
            .outcome("appointment-requests-dlq", NOW)
            .orElseThrow());

        JsonNode answer = json(get("/api/appointment-requests/" + requestId));

        assertThat(answer.path("status").asString()).isEqualTo("REJECTED");
        assertThat(answer.path("reason").asString()).isEqualTo("INVALID");
        assertThat(answer.path("deadLetterQueue").asString()).isEqualTo("appointment-requests-dlq");
        assertThat(answer.path("message").asString()).contains("durationMinutes", "appointment-requests-dlq");
    }

    @Test
    void listsTheLaterCommandsThatReusedTheRequestIdBesideTheFirstOutcome() {
        String requestId = "req-reused-" + System.nanoTime();
        outcomes.record(Outcome.rejected(requestId, "RequestAppointment", "first", ReasonCode.SLOT_UNAVAILABLE,
                "The slot is taken.", null, NOW));
        Outcome first = outcomes.find(requestId).orElseThrow();
        outcomes.recordLater(requestId, first.refusal("CancelAppointment", "second", NOW.plusSeconds(60)));

        JsonNode body = json(get("/api/appointment-requests/" + requestId));

        assertThat(body.path("reason").asString()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(body.path("commandType").asString()).isEqualTo("RequestAppointment");
        assertThat(body.path("laterSubmissions")).hasSize(1);
        assertThat(body.at("/laterSubmissions/0/commandType").asString()).isEqualTo("CancelAppointment");
        assertThat(body.at("/laterSubmissions/0/reason").asString()).isEqualTo("DUPLICATE_REQUEST_ID");
        assertThat(body.at("/laterSubmissions/0/at").asString()).isEqualTo(NOW.plusSeconds(60).toString());
        assertThat(body.at("/laterSubmissions/0").has("fingerprint")).isFalse();
    }

    @Test
    void answersNotFoundForAnUnknownRequest() {
        assertProblem(get("/api/appointment-requests/req-never-sent"), 404, "req-never-sent");
    }

}
