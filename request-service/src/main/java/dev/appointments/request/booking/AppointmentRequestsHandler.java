package dev.appointments.request.booking;

import java.time.Clock;

import dev.appointments.model.FieldViolations;
import dev.appointments.model.MessageTypes;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.model.requests.CancelAppointment;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.model.requests.RescheduleAppointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.Command;
import dev.appointments.store.command.CommandFingerprint;
import dev.appointments.store.command.CommandHandling;
import dev.appointments.store.command.Handled;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles the commands of the appointment-requests queue, once each (see
 * {@link CommandHandling}): a redelivery gets the facts stored with its outcome published
 * again, a different command under a used requestId is refused and listed with the first
 * outcome.
 */
@Service
public class AppointmentRequestsHandler {

    private final Validator validator;

    private final JsonMapper json;

    private final CommandHandling<AppointmentConfirmationsMessage> handling;

    private final Booking booking;

    private final AppointmentChanges changes;

    AppointmentRequestsHandler(Outcomes outcomes, Appointments appointments, Providers providers, Patients patients,
            Validator validator, JsonMapper json, Clock clock) {
        this.validator = validator;
        this.json = json;
        this.handling = new CommandHandling<>(outcomes, clock, json, AppointmentConfirmationsMessage.class,
                CommandHandling.storedFacts());
        this.booking = new Booking(new CachedProviders(providers), patients, appointments, handling, clock);
        this.changes = new AppointmentChanges(providers, appointments, handling, clock);
    }

    public Handled<AppointmentConfirmationsMessage> handle(AppointmentRequestsMessage message) {
        Command command = Command.of(message.requestId(), MessageTypes.typeOf(message),
                CommandFingerprint.payload(json, AppointmentRequestsMessage.class, message),
                message instanceof RequestAppointment request ? request.patientId() : null);
        var violations = FieldViolations.of(validator, message);
        return switch (message) {
            // A patient given by details is found or created before the booking's write:
            // not for a used requestId.
            case RequestAppointment request when request.patientId() == null ->
                handling.handleUnlessAnswered(command, violations, null, () -> booking.book(command, request));
            case RequestAppointment request ->
                handling.handle(command, violations, null, () -> booking.book(command, request));
            case RescheduleAppointment request ->
                handling.handle(command, violations, request.appointmentId(), () -> changes.move(command, request));
            case CancelAppointment request ->
                handling.handle(command, violations, request.appointmentId(), () -> changes.cancel(command, request));
        };
    }

}
