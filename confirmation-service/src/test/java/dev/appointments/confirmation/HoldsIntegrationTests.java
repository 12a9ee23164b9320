package dev.appointments.confirmation;

import java.time.Duration;
import java.time.Instant;

import dev.appointments.model.confirmations.ConfirmAppointment;
import dev.appointments.model.confirmations.HoldExpired;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.reminders.NoticeDetails;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import dev.appointments.store.provider.Provider;
import dev.appointments.timers.DurableTimers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HoldsIntegrationTests extends ConfirmationServiceIntegrationTest {

    @Autowired
    DurableTimers timers;

    @Test
    void autoConfirmProviderConfirmsAtOnceAndAsksForTheNoticeAndTheReminders() {
        Provider provider = newProvider(true, Duration.ofMinutes(15));
        Appointment booked = book(provider);
        String requestId = booked.history().getFirst().cause();

        send(requested(booked, provider));

        Appointment confirmed = awaitStatus(booked.appointmentId(), AppointmentStatus.CONFIRMED);
        assertThat(confirmed.version()).isEqualTo(2);
        assertThat(confirmed.history()).last()
            .extracting(HistoryEntry::from, HistoryEntry::cause)
            .containsExactly(AppointmentStatus.REQUESTED, requestId);
        assertThat(busyAt(confirmed)).containsExactly(booked.blocked());
        assertThat(awaitReminders(booked.appointmentId(), 2)).containsExactlyInAnyOrder(
                new NotifyPatient(requestId, booked.appointmentId(), NoticeKind.CONFIRMED, details(confirmed)),
                new PlanReminders(booked.appointmentId(), booked.startsAt()));
    }

    @Test
    void manualProviderHoldsUntilTheProviderConfirms() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        Appointment booked = book(provider);
        send(requested(booked, provider));
        awaitHoldTimer(booked, Duration.ofMinutes(15));
        assertThat(appointment(booked.appointmentId()).status()).isEqualTo(AppointmentStatus.REQUESTED);

        String confirm = newRequestId();
        send(new ConfirmAppointment(confirm, booked.appointmentId()));

        assertThat(awaitOutcome(confirm).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        Appointment confirmed = appointment(booked.appointmentId());
        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(confirmed.history()).last().extracting(HistoryEntry::cause).isEqualTo(confirm);
        assertThat(awaitReminders(booked.appointmentId(), 2)).containsExactlyInAnyOrder(
                new NotifyPatient(confirm, booked.appointmentId(), NoticeKind.CONFIRMED, details(confirmed)),
                new PlanReminders(booked.appointmentId(), booked.startsAt()));
    }

    @Test
    void unconfirmedHoldExpiresAfterTheTimeoutAndFreesItsSlot() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        Appointment booked = book(provider);
        send(requested(booked, provider));
        awaitHoldTimer(booked, Duration.ofMinutes(15));

        advanceAndReleaseTimers(Duration.ofMinutes(15));

        Appointment expired = awaitStatus(booked.appointmentId(), AppointmentStatus.EXPIRED);
        String timerId = "hold:" + booked.appointmentId() + ":1";
        assertThat(expired.history()).last().extracting(HistoryEntry::cause).isEqualTo("timer:" + timerId);
        assertThat(busyAt(booked)).isEmpty();
        assertThat(awaitReminders(booked.appointmentId(), 1))
            .containsExactly(new NotifyPatient(timerId, booked.appointmentId(), NoticeKind.EXPIRED, details(expired)));
        Appointment next = book(provider, booked.startsAt());
        assertThat(busyAt(next)).containsExactly(booked.blocked());
    }

    @Test
    void twoHourHoldIsHonouredThroughTheDurableTimer() {
        Provider provider = newProvider(false, Duration.ofHours(2));
        Appointment booked = book(provider);
        send(requested(booked, provider));
        awaitHoldTimer(booked, Duration.ofHours(2));

        advanceAndReleaseTimers(Duration.ofHours(1).plusMinutes(59));

        assertThat(timers.isScheduled(holdTimerId(booked), booked.createdAt().plus(Duration.ofHours(2)))).isTrue();
        assertThat(appointment(booked.appointmentId()).status()).isEqualTo(AppointmentStatus.REQUESTED);

        advanceAndReleaseTimers(Duration.ofMinutes(1));

        assertThat(timers.isScheduled(holdTimerId(booked), booked.createdAt().plus(Duration.ofHours(2)))).isFalse();
        awaitStatus(booked.appointmentId(), AppointmentStatus.EXPIRED);
    }

    @Test
    void holdEndsAtTheStartWhenTheTimeoutWouldOutlastIt() {
        Provider provider = newProvider(false, Duration.ofDays(5));
        Appointment booked = book(provider);
        send(requested(booked, provider));

        awaitHoldTimer(booked, booked.startsAt());
    }

    @Test
    void confirmAfterExpiryIsRejected() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        Appointment booked = book(provider);
        send(requested(booked, provider));
        awaitHoldTimer(booked, Duration.ofMinutes(15));
        advanceAndReleaseTimers(Duration.ofMinutes(16));
        awaitStatus(booked.appointmentId(), AppointmentStatus.EXPIRED);

        String confirm = newRequestId();
        send(new ConfirmAppointment(confirm, booked.appointmentId()));

        Outcome outcome = awaitOutcome(confirm);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.reason()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(appointment(booked.appointmentId()).status()).isEqualTo(AppointmentStatus.EXPIRED);
    }

    @Test
    void expiryAfterConfirmDoesNothing() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        Appointment booked = book(provider);
        send(requested(booked, provider));
        awaitHoldTimer(booked, Duration.ofMinutes(15));
        String confirm = newRequestId();
        send(new ConfirmAppointment(confirm, booked.appointmentId()));
        awaitOutcome(confirm);
        double before = handled("HoldExpired");

        advanceAndReleaseTimers(Duration.ofMinutes(16));

        awaitHandled("HoldExpired", before, 1);
        Appointment after = appointment(booked.appointmentId());
        assertThat(after.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(after.version()).isEqualTo(2);
        assertThat(busyAt(after)).containsExactly(booked.blocked());
        assertThat(remindersFor(booked.appointmentId())).noneMatch(HoldsIntegrationTests::isExpiryNotice);
    }

    @Test
    void holdTimerDeliveredTwiceExpiresOnce() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        Appointment booked = book(provider);
        clock.advance(Duration.ofMinutes(20));
        HoldExpired expired = new HoldExpired(booked.appointmentId(), 1L,
                booked.createdAt().plus(Duration.ofMinutes(15)));
        double before = handled("HoldExpired");

        send(expired);
        send(expired);

        awaitHandled("HoldExpired", before, 2);
        Appointment after = appointment(booked.appointmentId());
        assertThat(after.status()).isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(after.history()).hasSize(2);
        assertThat(awaitReminders(booked.appointmentId(), 1)).allMatch(HoldsIntegrationTests::isExpiryNotice);
    }

    private static boolean isExpiryNotice(AppointmentRemindersMessage message) {
        return message instanceof NotifyPatient notify && notify.kind() == NoticeKind.EXPIRED;
    }

    private static String holdTimerId(Appointment appointment) {
        return "hold:" + appointment.appointmentId() + ":" + appointment.version();
    }

    /**
     * Waits until the fact has been handled and the hold's timer waits, due {@code after}
     * the booking.
     */
    private void awaitHoldTimer(Appointment booked, Duration after) {
        awaitHoldTimer(booked, booked.createdAt().plus(after));
    }

    private void awaitHoldTimer(Appointment booked, Instant dueAt) {
        await().atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> timers.isScheduled(holdTimerId(booked), dueAt));
    }

    /** What a notice carries of the appointment its transition left. */
    private static NoticeDetails details(Appointment appointment) {
        return new NoticeDetails(appointment.providerId(), appointment.patientId(), appointment.status().name(),
                appointment.startsAt(), appointment.timeZone(), appointment.version());
    }

}
