package dev.appointments.confirmation.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.appointments.model.reminders.NoticeDetails;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.HistoryEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticesTests {

    private static final Instant AT = Instant.parse("2027-03-01T12:00:00Z");

    private static final Instant STARTS = Instant.parse("2027-03-04T14:00:00Z");

    private final Appointment requested = new Appointment("a-1", "p", "pt", AppointmentStatus.REQUESTED, STARTS,
            STARTS.plusSeconds(900), "UTC", LocalDate.of(2027, 3, 4), LocalTime.of(14, 0), null, null, null, 1,
            List.of(new HistoryEntry(AT, null, AppointmentStatus.REQUESTED, "req-1", null)), AT, AT);

    @Test
    void confirmationAsksForTheNoticeAndTheReminders() {
        Appointment confirmed = requested.transitionedTo(AppointmentStatus.CONFIRMED, AT, "req-2", null);

        assertThat(Notices.after(confirmed, "req-2")).containsExactly(
                new NotifyPatient("req-2", "a-1", NoticeKind.CONFIRMED, details(confirmed)),
                new PlanReminders("a-1", STARTS));
    }

    @Test
    void declineAndExpiryAskForTheirNoticeAndTheEndsForNothing() {
        Appointment declined = requested.transitionedTo(AppointmentStatus.DECLINED, AT, "req-2", null);
        assertThat(Notices.after(declined, "req-2"))
            .containsExactly(new NotifyPatient("req-2", "a-1", NoticeKind.DECLINED, details(declined)));
        Appointment expired = requested.transitionedTo(AppointmentStatus.EXPIRED, AT, "timer:t", null);
        assertThat(Notices.after(expired, "t"))
            .containsExactly(new NotifyPatient("t", "a-1", NoticeKind.EXPIRED, details(expired)));
        Appointment confirmed = requested.transitionedTo(AppointmentStatus.CONFIRMED, AT, "req-2", null);
        assertThat(Notices.after(confirmed.transitionedTo(AppointmentStatus.COMPLETED, AT, "req-3", null), "req-3"))
            .isEmpty();
    }

    @Test
    void noticesAreSentAgainOnlyWhileTheirStepIsTheLastOne() {
        Appointment confirmed = requested.transitionedTo(AppointmentStatus.CONFIRMED, AT, "req-2", null);
        Appointment completed = confirmed.transitionedTo(AppointmentStatus.COMPLETED, AT, "req-3", null);

        assertThat(Notices.again(confirmed, "req-2", "req-2")).hasSize(2);
        assertThat(Notices.again(completed, "req-2", "req-2")).isEmpty();
    }

    /** What a notice carries of the appointment its transition left. */
    private static NoticeDetails details(Appointment appointment) {
        return new NoticeDetails(appointment.providerId(), appointment.patientId(), appointment.status().name(),
                appointment.startsAt(), appointment.timeZone(), appointment.version());
    }

}
