package dev.appointments.request;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.model.ReasonCode;
import dev.appointments.resources.Queues;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.CommandFingerprint;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.model.Message;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The commands about one appointment over HTTP ({@code POST
 * /api/appointments/{id}/<action>}) and any command by {@code type} on
 * {@code POST /api/appointment-requests}: each goes on the queue a producer would use,
 * per role (a patient moves and cancels its own, a provider confirms, declines, completes
 * and marks no-show its own, a scheduler does all, someone else's appointment is 404),
 * the Idempotency-Key is the requestId, and with {@code Prefer: wait} the outcome is the
 * answer (200, 409, 422 with the reason code).
 */
class AppointmentCommandsIntegrationTests extends RequestServiceIntegrationTest {

    private static final String WEDNESDAY = "2027-03-03";

    @Autowired
    Appointments appointments;

    @Autowired
    Patients patients;

    /**
     * Nothing consumes appointment-confirmations in these tests: empty it, so that the
     * facts of these bookings do not bury those that other test classes look for.
     */
    @AfterEach
    void leaveTheConfirmationsQueueEmpty() {
        String url = queueUrl(Queues.APPOINTMENT_CONFIRMATIONS);
        engines.sqs().purgeQueue(request -> request.queueUrl(url));
    }

    @Test
    void aPatientCancelsItsOwnAppointmentAndHearsTheOutcome() throws Exception {
        Booked booked = book(newProvider(false), "09:00");

        HttpResponse<String> response = post(patientToken(booked.patientId()), cancel(booked), """
                {"reason": "feeling better"}""", "wait=10", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Preference-Applied")).hasValue("wait=10");
        assertThat(response.body()).contains("\"commandType\":\"CancelAppointment\"", "\"status\":\"ACCEPTED\"",
                "\"appointmentId\":\"" + booked.appointmentId() + "\"");
        Appointment cancelled = appointments.find(booked.appointmentId()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("feeling better");
    }

    @Test
    void aPatientReschedulesItsOwnAppointmentToAFreeSlot() throws Exception {
        Booked booked = book(newProvider(false), "10:00");

        HttpResponse<String> response = post(patientToken(booked.patientId()),
                "/api/appointments/" + booked.appointmentId() + "/reschedule", """
                        {"appointmentDate": "2027-03-04", "startTime": "14:00", "durationMinutes": 30}""", "wait=10",
                null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Appointment moved = appointments.find(booked.appointmentId()).orElseThrow();
        assertThat(moved.startsAt()).hasToString("2027-03-04T19:00:00Z");
        assertThat(moved.endsAt()).hasToString("2027-03-04T19:30:00Z");
    }

    @Test
    void anotherPatientsAppointmentIsNotFoundAndNothingIsQueued() throws Exception {
        Booked booked = book(newProvider(false), "11:00");
        String stranger = patientToken(newPatient());
        String requestId = newRequestId();

        HttpResponse<String> cancelled = post(stranger, cancel(booked), "{}", null, requestId);
        HttpResponse<String> moved = post(stranger, "/api/appointments/" + booked.appointmentId() + "/reschedule", """
                {"appointmentDate": "2027-03-04", "startTime": "14:00"}""", null, requestId);
        HttpResponse<String> missing = post(stranger, "/api/appointments/no-such-appointment/cancel", "{}", null, null);

        assertProblem(cancelled, 404);
        assertProblem(moved, 404);
        assertProblem(missing, 404);
        // The same answer for a stranger's appointment as for none at all: ids cannot be
        // probed.
        assertThat(cancelled.body().replace(booked.appointmentId(), "ID"))
            .isEqualTo(missing.body().replace("no-such-appointment", "ID"));
        Thread.sleep(500);
        assertThat(outcomes.find(requestId)).isEmpty();
        assertThat(appointments.find(booked.appointmentId()).orElseThrow().status())
            .isEqualTo(AppointmentStatus.REQUESTED);
    }

    @Test
    void aPatientMayNotGiveTheProvidersCommands() throws Exception {
        Booked booked = book(newProvider(false), "12:00");
        String patient = patientToken(booked.patientId());

        for (String action : List.of("confirm", "decline", "complete", "no-show")) {
            assertProblem(post(patient, "/api/appointments/" + booked.appointmentId() + "/" + action, null, null, null),
                    403);
        }
        HttpResponse<String> byType = post(patient, "/api/appointment-requests", """
                {"type": "ConfirmAppointment", "appointmentId": "%s"}""".formatted(booked.appointmentId()), null, null);
        assertProblem(byType, 403);
    }

    @Test
    void aRouteForNoCommandIsNotFound() throws Exception {
        Booked booked = book(newProvider(false), "12:30");

        HttpResponse<String> response = post(schedulerToken(),
                "/api/appointments/" + booked.appointmentId() + "/approve", null, null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(appointments.find(booked.appointmentId()).orElseThrow().status())
            .isEqualTo(AppointmentStatus.REQUESTED);
    }

    @Test
    void aProviderConfirmsItsOwnHoldThroughTheConfirmationsQueue() throws Exception {
        String provider = newProvider(false);
        Booked booked = book(provider, "13:00");
        String key = newRequestId();

        HttpResponse<String> response = post(providerToken(provider),
                "/api/appointments/" + booked.appointmentId() + "/confirm", null, null, key);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location"))
            .hasValue("http://127.0.0.1:8080/api/appointment-requests/" + key);
        assertThat(response.body()).contains("\"requestId\":\"" + key + "\"", "\"status\":\"QUEUED\"");
        Message queued = awaitQueued(Queues.APPOINTMENT_CONFIRMATIONS, key);
        assertThat(attribute(queued, "type")).isEqualTo("ConfirmAppointment");
        assertThat(queued.body()).isEqualTo("""
                {"type":"ConfirmAppointment","requestId":"%s","appointmentId":"%s"}""".formatted(key,
                booked.appointmentId()));
    }

    @Test
    void anotherProvidersAppointmentIsNotFound() throws Exception {
        Booked booked = book(newProvider(false), "14:00");
        String otherProvider = providerToken(newProvider(false));

        for (String action : List.of("confirm", "decline", "complete", "no-show")) {
            assertProblem(
                    post(otherProvider, "/api/appointments/" + booked.appointmentId() + "/" + action, null, null, null),
                    404);
        }
        // Nor may a provider move or cancel: those are the patient's and the scheduler's.
        assertProblem(post(otherProvider, cancel(booked), null, null, null), 403);
    }

    @Test
    void aProviderHearsTheOutcomeThatTheConfirmationServiceRecords() throws Exception {
        String provider = newProvider(false);
        Booked booked = book(provider, "15:00");
        String key = newRequestId();
        String token = providerToken(provider);
        String path = "/api/appointments/" + booked.appointmentId() + "/decline";
        String body = """
                {"reason": "on leave"}""";

        HttpResponse<String> first = post(token, path, body, "wait=1", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.headers().firstValue("Preference-Applied")).hasValue("wait=1");
        // The confirmation-service does not run here: record its outcome as it would, for
        // the command it received.
        Message queued = awaitQueued(Queues.APPOINTMENT_CONFIRMATIONS, key);
        assertThat(queued.body()).contains("\"reason\":\"on leave\"");
        outcomes.record(Outcome.rejected(key, "DeclineAppointment", CommandFingerprint.of(queued.body()),
                ReasonCode.ILLEGAL_TRANSITION, "A CONFIRMED appointment can't become DECLINED.", booked.appointmentId(),
                NOW));

        HttpResponse<String> again = post(token, path, body, "wait=5", key);

        assertProblem(again, 409);
        assertThat(again.body()).contains("\"reason\":\"ILLEGAL_TRANSITION\"", "\"requestId\":\"" + key + "\"");
    }

    @Test
    void theSameIdempotencyKeyAgainHasOneEffectAndTheSameAnswer() throws Exception {
        String provider = newProvider(false);
        Booked booked = book(provider, "16:00");
        String token = patientToken(booked.patientId());
        String key = newRequestId();
        String path = "/api/appointments/" + booked.appointmentId() + "/reschedule";
        String body = """
                {"appointmentDate": "2027-03-04", "startTime": "10:00"}""";

        HttpResponse<String> first = post(token, path, body, "wait=10", "\"" + key + "\"");
        HttpResponse<String> again = post(token, path, body, "wait=10", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        Appointment moved = appointments.find(booked.appointmentId()).orElseThrow();
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.history()).filteredOn(step -> key.equals(step.cause())).hasSize(1);
        assertThat(moved.startsAt()).isEqualTo(java.time.Instant.parse("2027-03-04T15:00:00Z"));
    }

    @Test
    void aKeyUsedForAnotherCommandIsRefusedWithoutShowingItsOutcome() throws Exception {
        Booked booked = book(newProvider(false), "09:15");
        String token = patientToken(booked.patientId());
        String key = newRequestId();
        assertThat(post(token, "/api/appointments/" + booked.appointmentId() + "/reschedule", """
                {"appointmentDate": "2027-03-04", "startTime": "11:00"}""", "wait=10", key).statusCode())
            .isEqualTo(200);

        HttpResponse<String> reused = post(token, cancel(booked), "{}", null, key);

        assertProblem(reused, 422);
        assertThat(reused.body()).contains("\"reason\":\"DUPLICATE_REQUEST_ID\"").doesNotContain("appointmentId");
        assertThat(appointments.find(booked.appointmentId()).orElseThrow().status())
            .isEqualTo(AppointmentStatus.REQUESTED);
    }

    @Test
    void refusalsAreConflictsOrUnprocessableWithTheReasonCode() throws Exception {
        String provider = newProvider(false);
        Booked mine = book(provider, "09:30");
        book(provider, "09:45");
        String token = patientToken(mine.patientId());
        String move = "/api/appointments/" + mine.appointmentId() + "/reschedule";

        HttpResponse<String> taken = post(token, move, """
                {"appointmentDate": "%s", "startTime": "09:45"}""".formatted(WEDNESDAY), "wait=10", null);
        HttpResponse<String> closed = post(token, move, """
                {"appointmentDate": "2027-03-06", "startTime": "10:00"}""", "wait=10", null);
        assertThat(post(token, cancel(mine), "{}", "wait=10", null).statusCode()).isEqualTo(200);
        HttpResponse<String> again = post(token, cancel(mine), "{}", "wait=10", null);

        assertProblem(taken, 409);
        assertThat(taken.body()).contains("\"reason\":\"SLOT_UNAVAILABLE\"");
        assertProblem(closed, 422);
        assertThat(closed.body()).contains("\"reason\":\"OUTSIDE_SCHEDULE\"");
        assertProblem(again, 409);
        assertThat(again.body()).contains("\"reason\":\"ILLEGAL_TRANSITION\"");
    }

    @Test
    void anyCommandCanBeGivenByTypeOnTheIntake() throws Exception {
        Booked booked = book(newProvider(false), "10:30");
        String requestId = newRequestId();

        HttpResponse<String> response = post(patientToken(booked.patientId()), "/api/appointment-requests", """
                {"type": "CancelAppointment", "requestId": "%s", "appointmentId": "%s", "reason": "moving away"}"""
            .formatted(requestId, booked.appointmentId()), "wait=10", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"requestId\":\"" + requestId + "\"");
        assertThat(appointments.find(booked.appointmentId()).orElseThrow().reason()).isEqualTo("moving away");
    }

    @Test
    void theSchedulerGivesEveryCommand() throws Exception {
        String provider = newProvider(false);
        Booked booked = book(provider, "10:45");
        String confirm = newRequestId();

        HttpResponse<String> confirmed = post(schedulerToken(),
                "/api/appointments/" + booked.appointmentId() + "/confirm", null, null, confirm);
        HttpResponse<String> cancelled = post(schedulerToken(), cancel(booked), null, "wait=10", null);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
        awaitQueued(Queues.APPOINTMENT_CONFIRMATIONS, confirm);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    }

    @Test
    void otherRolesMayGiveNoCommand() throws Exception {
        Booked booked = book(newProvider(false), "11:15");
        for (String token : List.of(adminToken(), demoClientToken("demo-ops"))) {
            assertProblem(post(token, cancel(booked), null, null, null), 403);
            assertProblem(post(token, "/api/appointments/" + booked.appointmentId() + "/confirm", null, null, null),
                    403);
        }
        assertProblem(post(null, cancel(booked), null, null, null), 401);
    }

    @Test
    void aMissingKeyGetsANewRequestIdAndTwoDifferentIdsAreRefused() throws Exception {
        Booked booked = book(newProvider(false), "11:30");
        String token = patientToken(booked.patientId());

        HttpResponse<String> differing = post(token, "/api/appointment-requests", """
                {"type": "CancelAppointment", "requestId": "body-id", "appointmentId": "%s"}"""
            .formatted(booked.appointmentId()), null, "header-id");
        HttpResponse<String> generated = post(token, cancel(booked), null, null, null);

        assertProblem(differing, 400);
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(202);
        String requestId = generated.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(generated.body()).contains("\"requestId\":\"" + requestId + "\"");
        assertThat(awaitOutcome(requestId).commandType()).isEqualTo("CancelAppointment");
    }

    @Test
    void theSystemsOwnMessagesAndUnknownTypesAreNotCommands() throws Exception {
        for (String type : List.of("HoldExpired", "AppointmentRequested", "Nonsense")) {
            HttpResponse<String> response = post(schedulerToken(), "/api/appointment-requests", """
                    {"type": "%s", "appointmentId": "a-1"}""".formatted(type), null, null);
            assertProblem(response, 400);
        }
        HttpResponse<String> otherType = post(schedulerToken(), "/api/appointments/a-1/cancel", """
                {"type": "ConfirmAppointment"}""", null, null);
        assertProblem(otherType, 400);
    }

    private record Booked(String appointmentId, String patientId) {
    }

    /**
     * Books a new patient with the provider on Wednesday at {@code time}, by the
     * scheduler.
     */
    private Booked book(String provider, String time) throws Exception {
        String requestId = newRequestId();
        HttpResponse<String> response = post(schedulerToken(), "/api/appointment-requests",
                requestAppointment(requestId, provider, unique("cmd"), WEDNESDAY, time, null), "wait=10", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Appointment appointment = appointments.find(outcomes.find(requestId).orElseThrow().appointmentId())
            .orElseThrow();
        return new Booked(appointment.appointmentId(), appointment.patientId());
    }

    private String newPatient() {
        return patients
            .findOrCreate(
                    new Patient(null, "Grace", "Hopper", unique("stranger"), null, LocalDate.parse("1990-12-09"), NOW))
            .patientId();
    }

    private static String providerToken(String providerId) {
        return LocalAuthServer.shared().providerToken(providerId);
    }

    private static String cancel(Booked booked) {
        return "/api/appointments/" + booked.appointmentId() + "/cancel";
    }

    private Message awaitQueued(String queue, String requestId) {
        return await().atMost(Duration.ofSeconds(20))
            .until(() -> peek(queue).stream()
                .filter(message -> requestId.equals(attribute(message, "requestId")))
                .toList(), found -> !found.isEmpty())
            .getFirst();
    }

    /** POST with an optional JSON body, {@code Prefer} and {@code Idempotency-Key}. */
    private HttpResponse<String> post(String token, String path, String json, String prefer, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(40));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

}
