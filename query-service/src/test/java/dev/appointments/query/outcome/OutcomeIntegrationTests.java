package dev.appointments.query.outcome;

import java.net.http.HttpResponse;
import java.time.LocalTime;

import dev.appointments.query.QueryServiceIntegrationTest;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

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
    }

    @Test
    void returnsTheReasonOfARejection() {
        String requestId = "req-rejected-" + System.nanoTime();
        outcomes.record(Outcome.rejected(requestId, "RequestAppointment", "f", "SLOT_UNAVAILABLE",
                "The slot is taken.", null, NOW));

        JsonNode body = json(get("/api/appointment-requests/" + requestId));

        assertThat(body.path("status").asString()).isEqualTo("REJECTED");
        assertThat(body.path("reason").asString()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(body.path("message").asString()).isEqualTo("The slot is taken.");
    }

    @Test
    void answersNotFoundForAnUnknownRequest() {
        assertProblem(get("/api/appointment-requests/req-never-sent"), 404, "req-never-sent");
    }
}
