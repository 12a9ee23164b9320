package dev.appointments.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.appointments.model.confirmations.AppointmentCancelled;
import dev.appointments.model.confirmations.AppointmentRequested;
import dev.appointments.model.confirmations.AppointmentRescheduled;
import dev.appointments.model.confirmations.CompleteAppointment;
import dev.appointments.model.confirmations.ConfirmAppointment;
import dev.appointments.model.confirmations.DeclineAppointment;
import dev.appointments.model.confirmations.MarkNoShow;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.reminders.NoticeDetails;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.resources.Tables;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentTime;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import dev.appointments.store.provider.Provider;
import dev.appointments.timers.DurableTimers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProducerCommandsIntegrationTests extends ConfirmationServiceIntegrationTest {

    @Autowired
    DurableTimers timers;

    @Test
    void completingARequestedAppointmentIsAnIllegalTransition() {
        Appointment booked = book(newProvider(false, Duration.ofMinutes(15)));

        String complete = newRequestId();
        send(new CompleteAppointment(complete, booked.appointmentId()));

        Outcome outcome = awaitOutcome(complete);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.reason()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(outcome.appointmentId()).isEqualTo(booked.appointmentId());
        assertThat(appointment(booked.appointmentId())).isEqualTo(booked);
    }

    @Test
    void declineFreesTheSlotRecordsTheReasonAndTellsThePatient() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        Appointment booked = book(provider);

        String decline = newRequestId();
        send(new DeclineAppointment(decline, booked.appointmentId(), "on leave"));

        assertThat(awaitOutcome(decline).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        Appointment declined = appointment(booked.appointmentId());
        assertThat(declined.status()).isEqualTo(AppointmentStatus.DECLINED);
        assertThat(declined.reason()).isEqualTo("on leave");
        assertThat(busyAt(booked)).isEmpty();
        assertThat(declined.history()).last().extracting(HistoryEntry::cause).isEqualTo(decline);
        assertThat(awaitReminders(booked.appointmentId(), 1)).containsExactly(
                new NotifyPatient(decline, booked.appointmentId(), NoticeKind.DECLINED, details(declined)));
        book(provider, booked.startsAt());
    }

    @Test
    void anAppointmentCanNeitherBeCompletedNorMarkedNoShowBeforeItStarts() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        Appointment booked = book(provider);
        String confirm = newRequestId();
        send(new ConfirmAppointment(confirm, booked.appointmentId()));
        awaitOutcome(confirm);
        Appointment confirmed = appointment(booked.appointmentId());

        String complete = newRequestId();
        String noShow = newRequestId();
        send(new CompleteAppointment(complete, booked.appointmentId()));
        send(new MarkNoShow(noShow, booked.appointmentId()));

        Outcome completed = awaitOutcome(complete);
        assertThat(completed.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(completed.reason()).as(completed.message()).isEqualTo("NOT_STARTED_YET");
        assertThat(awaitOutcome(noShow).reason()).isEqualTo("NOT_STARTED_YET");
        assertThat(appointment(booked.appointmentId())).isEqualTo(confirmed);
    }

    @Test
    void confirmedAppointmentsEndCompletedOrNoShowWithoutNotices() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        // Both have begun: only then can a visit be complete or missed.
        Appointment visited = book(provider, clock.instant().minus(Duration.ofHours(2)));
        Appointment missed = book(provider, visited.startsAt().plus(Duration.ofHours(1)));
        String confirmVisited = newRequestId();
        String confirmMissed = newRequestId();
        send(new ConfirmAppointment(confirmVisited, visited.appointmentId()));
        send(new ConfirmAppointment(confirmMissed, missed.appointmentId()));
        awaitOutcome(confirmVisited);
        awaitOutcome(confirmMissed);

        String complete = newRequestId();
        String noShow = newRequestId();
        send(new CompleteAppointment(complete, visited.appointmentId()));
        send(new MarkNoShow(noShow, missed.appointmentId()));

        assertThat(awaitOutcome(complete).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(awaitOutcome(noShow).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(appointment(visited.appointmentId()).status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(appointment(missed.appointmentId()).status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(appointment(visited.appointmentId()).history()).extracting(HistoryEntry::to)
            .containsExactly(AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED);
        assertThat(remindersFor(visited.appointmentId())).hasSize(2)
            .noneMatch(message -> message instanceof NotifyPatient notify && notify.causeId().equals(complete));
    }

    @Test
    void commandForAnUnknownAppointmentIsRejected() {
        String confirm = newRequestId();
        send(new ConfirmAppointment(confirm, "no-such-appointment"));

        Outcome outcome = awaitOutcome(confirm);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.reason()).isEqualTo("UNKNOWN_APPOINTMENT");
    }

    @Test
    void commandWithInvalidFieldsIsRejectedNamingThem() {
        String decline = newRequestId();
        send("""
                {"type": "DeclineAppointment", "requestId": "%s", "appointmentId": "not an id!", "reason": "%s"}
                """.formatted(decline, "x".repeat(501)));

        Outcome outcome = awaitOutcome(decline);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.reason()).isEqualTo("INVALID");
        assertThat(outcome.message()).contains("appointmentId").contains("reason");
    }

    @Test
    void commandDeliveredTwiceMakesOneTransitionAndOneHistoryEntry() {
        Appointment booked = book(newProvider(false, Duration.ofMinutes(15)));
        String confirm = newRequestId();
        double before = handled("ConfirmAppointment");

        send(new ConfirmAppointment(confirm, booked.appointmentId()));
        send(new ConfirmAppointment(confirm, booked.appointmentId()));

        awaitHandled("ConfirmAppointment", before, 2);
        Appointment confirmed = appointment(booked.appointmentId());
        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(confirmed.version()).isEqualTo(2);
        assertThat(confirmed.history()).hasSize(2);
        assertThat(awaitOutcome(confirm).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(confirmationNotices(booked)).isNotEmpty()
            .allSatisfy(notice -> assertThat(notice.causeId()).isEqualTo(confirm));
    }

    @Test
    void autoConfirmFactDeliveredTwiceConfirmsOnce() {
        Provider provider = newProvider(true, Duration.ofMinutes(15));
        Appointment booked = book(provider);
        AppointmentRequested fact = requested(booked, provider);
        double before = handled("AppointmentRequested");

        send(fact);
        send(fact);

        awaitHandled("AppointmentRequested", before, 2);
        Appointment confirmed = appointment(booked.appointmentId());
        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(confirmed.history()).hasSize(2);
        assertThat(confirmationNotices(booked)).isNotEmpty()
            .allSatisfy(notice -> assertThat(notice.causeId()).isEqualTo(fact.requestId()));
    }

    @Test
    void requestIdReusedForAnotherCommandIsRefusedInTheFirstOutcomeAndChangesNothing() {
        Provider provider = newProvider(false, Duration.ofMinutes(15));
        Appointment first = book(provider);
        Appointment second = book(provider, first.startsAt().plus(Duration.ofHours(1)));
        String requestId = newRequestId();
        send(new ConfirmAppointment(requestId, first.appointmentId()));
        awaitOutcome(requestId);
        double before = handled("DeclineAppointment");

        send(new DeclineAppointment(requestId, second.appointmentId(), null));

        awaitHandled("DeclineAppointment", before, 1);
        assertThat(appointment(second.appointmentId())).isEqualTo(second);
        Outcome outcome = outcomes.find(requestId).orElseThrow();
        assertThat(outcome.commandType()).isEqualTo("ConfirmAppointment");
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ACCEPTED);
        var stored = engines.dynamoDb()
            .getItem(request -> request.tableName(Tables.RequestOutcomes.NAME)
                .key(Map.of("requestId", AttributeValue.fromS(requestId))))
            .item()
            .get("laterSubmissions");
        assertThat(stored).as("later submissions").isNotNull();
        assertThat(stored.l()).singleElement().satisfies(submission -> {
            assertThat(submission.m().get("commandType").s()).isEqualTo("DeclineAppointment");
            assertThat(submission.m().get("reason").s()).isEqualTo("DUPLICATE_REQUEST_ID");
        });
    }

    @Test
    void cancellationTellsThePatient() {
        Appointment booked = book(newProvider(false, Duration.ofMinutes(15)));
        String cancel = newRequestId();

        send(new AppointmentCancelled(cancel, booked.appointmentId(), booked.providerId(), booked.patientId(),
                booked.startsAt(), "feeling better"));

        assertThat(awaitReminders(booked.appointmentId(), 1))
            .containsExactly(new NotifyPatient(cancel, booked.appointmentId(), NoticeKind.CANCELLED));
    }

    @Test
    void rescheduledAppointmentIsHeldAgainAndThePatientTold() {
        Provider provider = newProvider(false, Duration.ofMinutes(30));
        Appointment booked = book(provider);
        Instant newStart = booked.startsAt().plus(Duration.ofDays(1));
        String move = newRequestId();
        Appointment moved = booked.movedTo(new AppointmentTime(newStart, newStart.plus(Duration.ofMinutes(15)),
                newStart.plus(Duration.ofMinutes(15)), booked.timeZone(), booked.localDate().plusDays(1),
                booked.localStartTime()), clock.instant(), move);
        assertThat(appointments.update(booked, moved, null)).isEqualTo(WriteResult.WRITTEN);

        send(new AppointmentRescheduled(move, booked.appointmentId(), booked.providerId(), booked.patientId(),
                booked.startsAt(), newStart, moved.endsAt(), false, Duration.ofMinutes(30), 2L));

        assertThat(awaitReminders(booked.appointmentId(), 1))
            .containsExactly(new NotifyPatient(move, booked.appointmentId(), NoticeKind.RESCHEDULED));
        await().atMost(TIMEOUT)
            .until(() -> timers.isScheduled("hold:" + booked.appointmentId() + ":2",
                    moved.updatedAt().plus(Duration.ofMinutes(30))));
    }

    private List<NotifyPatient> confirmationNotices(Appointment booked) {
        List<AppointmentRemindersMessage> reminders = awaitReminders(booked.appointmentId(), 2);
        return reminders.stream()
            .filter(NotifyPatient.class::isInstance)
            .map(NotifyPatient.class::cast)
            .filter(notice -> notice.kind() == NoticeKind.CONFIRMED)
            .toList();
    }

    /** What a notice carries of the appointment its transition left. */
    private static NoticeDetails details(Appointment appointment) {
        return new NoticeDetails(appointment.providerId(), appointment.patientId(), appointment.status().name(),
                appointment.startsAt(), appointment.timeZone(), appointment.version());
    }

}
