package dev.appointments.query.appointment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.appointments.query.QueryServiceIntegrationTest;
import dev.appointments.rules.Slot;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentIntegrationTests extends QueryServiceIntegrationTest {

    @Test
    void returnsAnAppointmentWithItsHistoryAndVersionTag() {
        String providerId = newProvider();
        Patient patient = newPatient();
        Appointment booked = book(providerId, patient.patientId(), TUESDAY, LocalTime.of(9, 30));
        Appointment confirmed = transition(booked, AppointmentStatus.CONFIRMED, null);

        HttpResponse<String> response = get("/api/appointments/" + booked.appointmentId());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
        JsonNode body = json(response);
        assertThat(body.path("appointmentId").asString()).isEqualTo(booked.appointmentId());
        assertThat(body.path("providerId").asString()).isEqualTo(providerId);
        assertThat(body.path("patientId").asString()).isEqualTo(patient.patientId());
        assertThat(body.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(body.path("startsAt").asString()).isEqualTo("2027-03-02T14:30:00Z");
        assertThat(body.path("endsAt").asString()).isEqualTo("2027-03-02T14:45:00Z");
        assertThat(body.path("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(body.path("appointmentDate").asString()).isEqualTo("2027-03-02");
        assertThat(body.path("startTime").asString()).isEqualTo("09:30");
        assertThat(body.path("endTime").asString()).isEqualTo("09:45");
        assertThat(body.path("durationMinutes").asInt()).isEqualTo(15);
        assertThat(body.path("notes").asString()).isEqualTo("first visit");
        assertThat(body.path("createdAt").asString()).isEqualTo(NOW.toString());
        assertThat(body.path("updatedAt").asString()).isEqualTo(confirmed.updatedAt().toString());
        assertThat(body.path("version").asLong()).isEqualTo(confirmed.version());
        assertThat(body.path("history")).hasSize(2);
        assertThat(body.path("history").get(1).path("from").asString()).isEqualTo("REQUESTED");
        assertThat(body.path("history").get(1).path("to").asString()).isEqualTo("CONFIRMED");
        assertThat(body.has("id")).isFalse();
        assertThat(body.has("localDate")).isFalse();
    }

    @Test
    void theNotesAreForThePatientAndTheProviderNotForOps() {
        String providerId = newProvider();
        Patient patient = newPatient();
        Appointment booked = book(providerId, patient.patientId(), TUESDAY, LocalTime.of(11, 30));
        String path = "/api/appointments/" + booked.appointmentId();

        JsonNode byPatient = json(getAs(patientToken(patient.patientId()), path));
        JsonNode byProvider = json(getAs(providerToken(providerId), path));
        JsonNode byOps = json(getAs(demoClientToken("demo-ops"), path));

        assertThat(byPatient.path("notes").asString()).isEqualTo("first visit");
        assertThat(byProvider.path("notes").asString()).isEqualTo("first visit");
        assertThat(byOps.has("notes")).isFalse();
        assertThat(byOps.path("appointmentId").asString()).isEqualTo(booked.appointmentId());
    }

    @Test
    void answersNotModifiedWhileTheVersionIsUnchangedAndTheNewStateOnceItChanges() {
        Appointment booked = book(newProvider(), newPatient().patientId(), TUESDAY, LocalTime.of(10, 0));
        String path = "/api/appointments/" + booked.appointmentId();

        assertThat(get(path, "If-None-Match", "\"1\"").statusCode()).isEqualTo(304);
        transition(booked, AppointmentStatus.CANCELLED, "patient is ill");

        HttpResponse<String> changed = get(path, "If-None-Match", "\"1\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(changed).path("reason").asString()).isEqualTo("patient is ill");
    }

    @Test
    void answersNotFoundForAnUnknownAppointment() {
        assertProblem(get("/api/appointments/no-such-appointment"), 404, "no-such-appointment");
    }

    @Test
    void listsAPatientsAppointmentsByStartTimeWithinARange() {
        String providerId = newProvider();
        String patientId = newPatient().patientId();
        Appointment thursday = book(providerId, patientId, TUESDAY.plusDays(2), LocalTime.of(9, 0));
        Appointment tuesday = book(providerId, patientId, TUESDAY, LocalTime.of(11, 0));
        Appointment wednesday = book(providerId, patientId, TUESDAY.plusDays(1), LocalTime.of(9, 0));

        assertThat(ids(get("/api/appointments?patientId=" + patientId))).containsExactly(tuesday.appointmentId(),
                wednesday.appointmentId(), thursday.appointmentId());
        assertThat(ids(get("/api/appointments?patientId=%s&from=2027-03-03&to=2027-03-03".formatted(patientId))))
            .containsExactly(wednesday.appointmentId());
        assertThat(ids(get("/api/appointments?patientId=%s&from=2027-03-02T16:00:00Z".formatted(patientId))))
            .containsExactly(tuesday.appointmentId(), wednesday.appointmentId(), thursday.appointmentId());
        assertThat(ids(
                get("/api/appointments?patientId=%s&to=%s".formatted(patientId, encode("2027-03-03T09:00:00-05:00")))))
            .containsExactly(tuesday.appointmentId());
    }

    @Test
    void listsAProvidersAppointmentsAndAppointmentsInAStatus() {
        String providerId = newProvider();
        Appointment first = book(providerId, newPatient().patientId(), TUESDAY.plusDays(7), LocalTime.of(9, 0));
        Appointment second = book(providerId, newPatient().patientId(), TUESDAY.plusDays(7), LocalTime.of(9, 15));
        Appointment expired = transition(second, AppointmentStatus.EXPIRED, null);

        assertThat(ids(get("/api/appointments?providerId=" + providerId))).containsExactly(first.appointmentId(),
                second.appointmentId());
        List<String> expiredThatDay = ids(
                get("/api/appointments?status=expired&from=2027-03-09&to=2027-03-09&limit=200"));
        assertThat(expiredThatDay).contains(expired.appointmentId()).doesNotContain(first.appointmentId());
        assertThat(
                json(get("/api/appointments?providerId=" + providerId)).path("items").get(1).path("status").asString())
            .isEqualTo("EXPIRED");
    }

    @Test
    void pagesThroughAListWithNothingLostOrRepeated() {
        String providerId = newProvider();
        String patientId = newPatient().patientId();
        List<String> booked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            booked.add(book(providerId, patientId, TUESDAY, LocalTime.of(9, 0).plusMinutes(15L * i)).appointmentId());
        }

        List<JsonNode> pages = pages("/api/appointments?patientId=" + patientId + "&limit=3");

        assertThat(pages).extracting(page -> page.path("items").size()).containsExactly(3, 3, 1);
        assertThat(pages.getLast().has("nextCursor")).isFalse();
        assertThat(pages.stream()
            .flatMap(page -> page.path("items").valueStream())
            .map(item -> item.path("appointmentId").asString())
            .toList()).containsExactlyElementsOf(booked);
    }

    @Test
    void listsAllFiveHundredAppointmentsOfAPatient() {
        String patientId = newPatient().patientId();
        Set<String> booked = new HashSet<>();
        for (int p = 0; p < 5; p++) {
            String providerId = newProvider();
            var calendar = providers.find(providerId).orElseThrow().calendar();
            List<Slot> slots = new ArrayList<>();
            for (LocalDate date = TUESDAY; slots.size() < 100; date = date.plusDays(1)) {
                slots.addAll(calendar.slots(date));
            }
            slots.subList(0, 100)
                .forEach(slot -> booked.add(book(providerId, patientId, slot.date(), slot.time()).appointmentId()));
        }

        for (int limit : new int[] { 50, 200 }) {
            List<JsonNode> items = pages("/api/appointments?patientId=" + patientId + "&limit=" + limit).stream()
                .flatMap(page -> page.path("items").valueStream())
                .toList();
            List<String> ids = items.stream().map(item -> item.path("appointmentId").asString()).toList();
            List<Instant> starts = items.stream().map(item -> Instant.parse(item.path("startsAt").asString())).toList();
            assertThat(ids).hasSize(500).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(booked);
            assertThat(starts).isSorted();
        }
    }

    @Test
    void refusesMalformedListParameters() {
        String patientId = newPatient().patientId();
        String base = "/api/appointments?patientId=" + patientId;
        assertProblem(get("/api/appointments"), 400, "exactly one of");
        assertProblem(get("/api/appointments?patientId=a&providerId=b"), 400, "patientId and providerId");
        assertProblem(get("/api/appointments?status=LOST"), 400, "must be one of");
        assertProblem(get(base + "&from=yesterday"), 400, "'from'");
        assertProblem(get(base + "&to=2027-02-30"), 400, "'to'");
        assertProblem(get(base + "&from=2027-03-05&to=2027-03-01"), 400, "must be after");
        assertProblem(get(base + "&limit=0"), 400, "between 1 and 200");
        assertProblem(get(base + "&limit=201"), 400, "between 1 and 200");
        assertProblem(get(base + "&limit=many"), 400, "whole number");
        assertProblem(get(base + "&cursor=not-a-cursor"), 400, "cursor");
        String foreign = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                    "{\"appointmentId\":\"x\",\"patientId\":\"someone-else\",\"startsAt\":\"2027-03-02T14:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertProblem(get(base + "&cursor=" + foreign), 400, "cursor");
    }

    @Test
    void refusesACursorOfAnotherQuery() {
        String providerId = newProvider();
        String patientId = newPatient().patientId();
        book(providerId, patientId, TUESDAY, LocalTime.of(9, 0));
        book(providerId, patientId, TUESDAY, LocalTime.of(9, 15));
        String cursor = json(get("/api/appointments?patientId=%s&limit=1".formatted(patientId))).path("nextCursor")
            .asString();

        assertProblem(get("/api/appointments?providerId=%s&cursor=%s".formatted(providerId, cursor)), 400, "cursor");
        assertProblem(get("/api/appointments?patientId=%s&from=2027-03-03&cursor=%s".formatted(patientId, cursor)), 400,
                "cursor");
        assertThat(get("/api/appointments?patientId=%s&limit=1&cursor=%s".formatted(patientId, cursor)).statusCode())
            .isEqualTo(200);
    }

    private List<JsonNode> pages(String firstPage) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = json(get(firstPage));
        pages.add(page);
        while (page.has("nextCursor")) {
            page = json(get(firstPage + "&cursor=" + page.path("nextCursor").asString()));
            pages.add(page);
            assertThat(pages).hasSizeLessThan(100);
        }
        return pages;
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("items").valueStream().map(item -> item.path("appointmentId").asString()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
