package dev.appointments.confirmation.lifecycle;

import java.util.List;

import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.reminders.NoticeDetails;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.HistoryEntry;

/**
 * What the reminder-service is asked for after a transition: a confirmation brings the
 * notice and the reminders, a decline or an expiry its notice; completion and no-show ask
 * for nothing.
 */
final class Notices {

    private Notices() {
    }

    /** The notices of the status {@code appointment} reached through {@code causeId}. */
    static List<AppointmentRemindersMessage> after(Appointment appointment, String causeId) {
        String id = appointment.appointmentId();
        NoticeDetails details = details(appointment);
        return switch (appointment.status()) {
            case CONFIRMED -> List.of(new NotifyPatient(causeId, id, NoticeKind.CONFIRMED, details),
                    new PlanReminders(id, appointment.startsAt()));
            case DECLINED -> List.of(new NotifyPatient(causeId, id, NoticeKind.DECLINED, details));
            case EXPIRED -> List.of(new NotifyPatient(causeId, id, NoticeKind.EXPIRED, details));
            case CANCELLED -> List.of(new NotifyPatient(causeId, id, NoticeKind.CANCELLED, details));
            case REQUESTED, COMPLETED, NO_SHOW -> List.of();
        };
    }

    /**
     * The appointment as this transition left it, so that the reminder-service need not
     * read it; the provider's name and the patient's address are not known here and are
     * read by the reminder-service.
     */
    private static NoticeDetails details(Appointment appointment) {
        return new NoticeDetails(appointment.providerId(), appointment.patientId(), appointment.status().name(),
                appointment.startsAt(), appointment.timeZone(), appointment.version());
    }

    /**
     * The notices to send again for a redelivered message, if its transition is still the
     * appointment's last step: once something else happened to the appointment, the later
     * step's notices supersede them.
     */
    static List<AppointmentRemindersMessage> again(Appointment appointment, String cause, String causeId) {
        List<HistoryEntry> history = appointment.history();
        if (history.isEmpty() || !cause.equals(history.getLast().cause())) {
            return List.of();
        }
        return after(appointment, causeId);
    }

}
