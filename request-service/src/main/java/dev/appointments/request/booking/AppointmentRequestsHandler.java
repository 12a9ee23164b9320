package dev.appointments.request.booking;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.FieldViolation;
import dev.appointments.model.FieldViolations;
import dev.appointments.model.MessageTypes;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.model.requests.CancelAppointment;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.model.requests.RescheduleAppointment;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles the commands of the appointment-requests queue. A command whose requestId already has an outcome is not
 * run again: a redelivery gets its facts published again, a different command under a used requestId is refused and
 * listed with the first outcome.
 */
@Service
public class AppointmentRequestsHandler {

    private final Outcomes outcomes;
    private final Appointments appointments;
    private final Providers providers;
    private final Validator validator;
    private final JsonMapper json;
    private final Rejections rejections;
    private final Booking booking;
    private final Rescheduling rescheduling;
    private final Cancellation cancellation;

    AppointmentRequestsHandler(Outcomes outcomes, Appointments appointments, Providers providers, Patients patients,
            Validator validator, JsonMapper json, Clock clock) {
        this.outcomes = outcomes;
        this.appointments = appointments;
        this.providers = providers;
        this.validator = validator;
        this.json = json;
        this.rejections = new Rejections(outcomes, clock);
        this.booking = new Booking(providers, patients, appointments, rejections, clock);
        this.rescheduling = new Rescheduling(providers, appointments, rejections, clock);
        this.cancellation = new Cancellation(providers, appointments, rejections, clock);
    }

    public Handled handle(AppointmentRequestsMessage message) {
        Command command = new Command(message.requestId(), MessageTypes.typeOf(message), fingerprint(message),
                message instanceof RequestAppointment request ? request.patientId() : null);
        Optional<Outcome> earlier = outcomes.find(command.requestId());
        if (earlier.isPresent()) {
            return answerAgain(earlier.get(), command);
        }
        List<FieldViolation> violations = FieldViolations.of(validator, message);
        if (!violations.isEmpty()) {
            return rejections.reject(command, ReasonCode.INVALID, violations.stream()
                    .map(violation -> violation.field() + ": " + violation.message())
                    .collect(Collectors.joining("; ")), null);
        }
        Optional<Handled> handled = switch (message) {
            case RequestAppointment request -> booking.book(command, request);
            case RescheduleAppointment request -> rescheduling.move(command, request);
            case CancelAppointment request -> cancellation.cancel(command, request);
        };
        // Empty when the same command was recorded meanwhile by a concurrent delivery.
        return handled.orElseGet(() -> answerAgain(outcomes.find(command.requestId()).orElseThrow(
                () -> new IllegalStateException("No outcome for " + command.requestId() + " after a conflict")), command));
    }

    private Handled answerAgain(Outcome earlier, Command command) {
        if (!earlier.sameCommand(command.fingerprint())) {
            return rejections.duplicate(earlier, command);
        }
        if (earlier.status() != OutcomeStatus.ACCEPTED || earlier.appointmentId() == null) {
            return Handled.of(earlier);
        }
        return Handled.of(earlier, appointments.find(earlier.appointmentId())
                .map(appointment -> factsOf(earlier, appointment, command)).orElse(List.of()));
    }

    private List<AppointmentConfirmationsMessage> factsOf(Outcome outcome, Appointment appointment, Command command) {
        return providers.find(appointment.providerId()).<List<AppointmentConfirmationsMessage>>map(provider ->
                switch (outcome.commandType()) {
                    case "RequestAppointment" -> List.of(Booking.requested(appointment, provider, command));
                    case "RescheduleAppointment" -> List.of(Rescheduling.rescheduled(previousStart(appointment, command),
                            appointment, provider, command));
                    case "CancelAppointment" -> List.of(Cancellation.cancelled(appointment, command));
                    default -> List.of();
                }).orElse(List.of());
    }

    private static java.time.Instant previousStart(Appointment appointment, Command command) {
        return appointment.history().stream()
                .filter(entry -> command.requestId().equals(entry.cause()) && entry.note() != null)
                .map(entry -> java.time.Instant.parse(entry.note().substring(entry.note().lastIndexOf(' ') + 1)))
                .findFirst().orElse(appointment.startsAt());
    }

    private String fingerprint(AppointmentRequestsMessage message) {
        return CommandFingerprint.of(json.writeValueAsString(message));
    }
}
