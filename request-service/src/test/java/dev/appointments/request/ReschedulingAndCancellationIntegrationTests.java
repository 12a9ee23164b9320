package dev.appointments.request;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

class ReschedulingAndCancellationIntegrationTests extends RequestServiceIntegrationTest {

    @Autowired
    Appointments appointments;

    @Test
    void rescheduleToAFreeSlotMovesTheAppointmentAndFreesTheOldSlot() {
        String provider = newProvider(false);
        String appointmentId = book(provider, "2027-03-03", "09:00", 30);

        String move = newRequestId();
        send(reschedule(move, appointmentId, "2027-03-04", "14:00"));

        assertThat(awaitOutcome(move).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        var moved = appointments.find(appointmentId).orElseThrow();
        assertThat(moved.startsAt()).hasToString("2027-03-04T19:00:00Z");
        assertThat(moved.endsAt()).hasToString("2027-03-04T19:30:00Z");
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.history()).last().satisfies(step -> {
            assertThat(step.cause()).isEqualTo(move);
            assertThat(step.note()).contains("2027-03-03T14:00:00Z");
        });
        assertThat(busyOf(provider)).containsExactly("2027-03-04T19:00:00Z/2027-03-04T19:30:00Z");
        String rebook = newRequestId();
        send(requestAppointment(rebook, provider, unique("next"), "2027-03-03", "09:00", null));
        assertThat(awaitOutcome(rebook).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void rescheduleWithinItsOwnSlotsKeepsTheOverlap() {
        String provider = newProvider(false);
        String appointmentId = book(provider, "2027-03-03", "10:00", 30);

        String move = newRequestId();
        send(reschedule(move, appointmentId, "2027-03-03", "10:15"));

        assertThat(awaitOutcome(move).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(busyOf(provider)).containsExactly("2027-03-03T15:15:00Z/2027-03-03T15:45:00Z");
    }

    @Test
    void rescheduleToATakenSlotChangesNothing() {
        String provider = newProvider(false);
        String mine = book(provider, "2027-03-03", "11:00", null);
        book(provider, "2027-03-03", "12:00", null);
        var before = appointments.find(mine).orElseThrow();

        String move = newRequestId();
        send(reschedule(move, mine, "2027-03-03", "12:00"));

        Outcome outcome = awaitOutcome(move);
        assertThat(outcome.reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(appointments.find(mine)).contains(before);
        assertThat(busyOf(provider)).containsExactly("2027-03-03T16:00:00Z/2027-03-03T16:15:00Z",
                "2027-03-03T17:00:00Z/2027-03-03T17:15:00Z");
    }

    @Test
    void cancelReleasesTheSlotAndRecordsTheReason() {
        String provider = newProvider(false);
        String appointmentId = book(provider, "2027-03-05", "09:00", null);

        String cancel = newRequestId();
        send(cancelCommand(cancel, appointmentId, "feeling better"));

        assertThat(awaitOutcome(cancel).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        var cancelled = appointments.find(appointmentId).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("feeling better");
        assertThat(busyOf(provider)).isEmpty();

        String again = newRequestId();
        send(cancelCommand(again, appointmentId, null));
        assertThat(awaitOutcome(again).reason()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void cancelInsideTheCancellationNoticeIsRefused() {
        String provider = newProvider(ProviderRules
            .withDefaults("Strict clinic", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))))
            .withCancellationNotice(Duration.ofDays(7)));
        String appointmentId = book(provider, "2027-03-03", "09:00", null);

        String cancel = newRequestId();
        send(cancelCommand(cancel, appointmentId, null));

        assertThat(awaitOutcome(cancel).reason()).isEqualTo("INSIDE_CANCELLATION_NOTICE");
        assertThat(appointments.find(appointmentId).orElseThrow().status()).isEqualTo(AppointmentStatus.REQUESTED);
    }

    @Test
    void rescheduleInsideTheCancellationNoticeOfTheTimeItLeavesIsRefused() {
        String provider = newProvider(ProviderRules
            .withDefaults("Strict clinic", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))))
            .withCancellationNotice(Duration.ofDays(7)));
        String appointmentId = book(provider, "2027-03-03", "09:00", null);
        var before = appointments.find(appointmentId).orElseThrow();

        String move = newRequestId();
        send(reschedule(move, appointmentId, "2027-03-17", "09:00"));

        Outcome outcome = awaitOutcome(move);
        assertThat(outcome.reason()).as(outcome.message()).isEqualTo("INSIDE_CANCELLATION_NOTICE");
        assertThat(appointments.find(appointmentId)).contains(before);
    }

    @Test
    void anAppointmentThatHasStartedCanNeitherBeMovedNorCancelled() {
        String provider = newProvider(false);
        Appointment started = started(provider);

        String move = newRequestId();
        String cancel = newRequestId();
        send(reschedule(move, started.appointmentId(), "2027-03-03", "09:00"));
        send(cancelCommand(cancel, started.appointmentId(), null));

        Outcome moved = awaitOutcome(move);
        assertThat(moved.reason()).as(moved.message()).isEqualTo("ALREADY_STARTED");
        assertThat(awaitOutcome(cancel).reason()).isEqualTo("ALREADY_STARTED");
        assertThat(appointments.find(started.appointmentId())).contains(started);
    }

    @Test
    void commandsForAnUnknownAppointmentAreRejected() {
        String move = newRequestId();
        String cancel = newRequestId();
        send(reschedule(move, "no-such-appointment", "2027-03-03", "09:00"));
        send(cancelCommand(cancel, "no-such-appointment", null));

        assertThat(awaitOutcome(move).reason()).isEqualTo("UNKNOWN_APPOINTMENT");
        assertThat(awaitOutcome(cancel).reason()).isEqualTo("UNKNOWN_APPOINTMENT");
    }

    /**
     * A confirmed appointment that began ten minutes ago, written as the services would
     * have.
     */
    private Appointment started(String provider) {
        Instant start = NOW.minus(Duration.ofMinutes(10));
        String id = UUID.randomUUID().toString();
        Appointment booked = new Appointment(id, provider, "patient-" + id, AppointmentStatus.CONFIRMED, start,
                start.plus(Duration.ofMinutes(30)), "America/New_York", LocalDate.of(2027, 3, 1), LocalTime.of(6, 50),
                null, null, null, 2, List.of(new HistoryEntry(NOW.minus(Duration.ofDays(3)), null,
                        AppointmentStatus.REQUESTED, "req-" + id, null)),
                NOW.minus(Duration.ofDays(3)), NOW);
        assertThat(
                appointments.book(booked, Outcome.accepted("req-" + id, "RequestAppointment", "f", id, "Booked.", NOW)))
            .isEqualTo(WriteResult.WRITTEN);
        return booked;
    }

    private String book(String provider, String date, String time, Integer minutes) {
        String requestId = newRequestId();
        send(requestAppointment(requestId, provider, unique("p"), date, time, minutes));
        Outcome outcome = awaitOutcome(requestId);
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(OutcomeStatus.ACCEPTED);
        return outcome.appointmentId();
    }

    private static String reschedule(String requestId, String appointmentId, String date, String time) {
        return """
                {"type": "RescheduleAppointment", "requestId": "%s", "appointmentId": "%s",
                 "appointmentDate": "%s", "startTime": "%s"}""".formatted(requestId, appointmentId, date, time);
    }

    private static String cancelCommand(String requestId, String appointmentId, String reason) {
        return """
                {"type": "CancelAppointment", "requestId": "%s", "appointmentId": "%s"%s}""".formatted(requestId,
                appointmentId, reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }

}
