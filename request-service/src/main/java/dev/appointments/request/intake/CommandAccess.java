package dev.appointments.request.intake;

import java.util.Optional;

import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.requests.CancelAppointment;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.model.requests.RescheduleAppointment;
import dev.appointments.security.Caller;
import dev.appointments.security.Roles;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who may give a command over HTTP. A scheduler may give any; a patient books for itself
 * and moves or cancels its own appointments; a provider confirms, declines, completes and
 * marks no-show the appointments of its calendar. A command of a kind the caller's roles
 * never allow is 403; a command about an appointment that is not the caller's is answered
 * 404 exactly like a missing appointment, as on the read side, so that ids cannot be
 * probed.
 */
@Component
class CommandAccess {

    private final Appointments appointments;

    CommandAccess(Appointments appointments) {
        this.appointments = appointments;
    }

    /** Why this caller may not give this command, or empty when it may. */
    Optional<ResponseEntity<ProblemDetail>> refusal(CommandKind kind, Object command, Caller caller) {
        if (!caller.hasAnyRole(Roles.SCHEDULER, kind.party())) {
            return Optional.of(Problems.of(HttpStatus.FORBIDDEN, "Not allowed",
                    "Only a scheduler or a %s may send %s.".formatted(kind.party(), kind.type())));
        }
        if (command instanceof RequestAppointment request) {
            return caller.canRequestFor(request.patientId()) ? Optional.empty()
                    : Optional.of(Problems.of(HttpStatus.FORBIDDEN, "Not your booking", request.patientId() == null
                            ? "A patient books for itself by its patientId; only a scheduler may send patient details."
                            : "A patient may book only for itself: patientId must be the patient id of the token."));
        }
        String appointmentId = appointmentIdOf(command);
        boolean mine = appointments.find(appointmentId)
            .filter(appointment -> owns(caller, kind, appointment))
            .isPresent();
        return mine ? Optional.empty() : Optional
            .of(Problems.of(HttpStatus.NOT_FOUND, "Not Found", "There is no appointment " + appointmentId + "."));
    }

    private static boolean owns(Caller caller, CommandKind kind, Appointment appointment) {
        if (caller.hasRole(Roles.SCHEDULER)) {
            return true;
        }
        if (Roles.PATIENT.equals(kind.party())) {
            return caller.hasRole(Roles.PATIENT)
                    && caller.patientId().filter(appointment.patientId()::equals).isPresent();
        }
        return caller.hasRole(Roles.PROVIDER) && caller.providerIds().contains(appointment.providerId());
    }

    static String appointmentIdOf(Object command) {
        return switch (command) {
            case RescheduleAppointment reschedule -> reschedule.appointmentId();
            case CancelAppointment cancel -> cancel.appointmentId();
            case AppointmentConfirmationsMessage confirmations -> confirmations.appointmentId();
            default -> throw new IllegalArgumentException(
                    "Not a command about an appointment: " + command.getClass().getSimpleName());
        };
    }

}
