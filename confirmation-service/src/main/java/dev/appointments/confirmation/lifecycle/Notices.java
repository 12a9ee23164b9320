package dev.appointments.confirmation.lifecycle;

import java.util.List;

import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.HistoryEntry;

/**
 * What the reminder-service is asked for after a transition: a confirmation brings the notice and the reminders,
 * a decline or an expiry its notice; completion and no-show ask for nothing.
 */
final class Notices {

    private Notices() {
    }

    /** The notices of the status {@code appointment} reached through {@code causeId}. */
    static List<AppointmentRemindersMessage> after(Appointment appointment, String causeId) {
        String id = appointment.appointmentId();
        return switch (appointment.status()) {
            case CONFIRMED -> List.of(new NotifyPatient(causeId, id, NoticeKind.CONFIRMED),
                    new PlanReminders(id, appointment.startsAt()));
            case DECLINED -> List.of(new NotifyPatient(causeId, id, NoticeKind.DECLINED));
            case EXPIRED -> List.of(new NotifyPatient(causeId, id, NoticeKind.EXPIRED));
            case CANCELLED -> List.of(new NotifyPatient(causeId, id, NoticeKind.CANCELLED));
            case REQUESTED, COMPLETED, NO_SHOW -> List.of();
        };
    }

    /**
     * The notices to send again for a redelivered message, if its transition is still the appointment's last step:
     * once something else happened to the appointment, the later step's notices supersede them.
     */
    static List<AppointmentRemindersMessage> again(Appointment appointment, String cause, String causeId) {
        List<HistoryEntry> history = appointment.history();
        if (history.isEmpty() || !cause.equals(history.getLast().cause())) {
            return List.of();
        }
        return after(appointment, causeId);
    }
}
