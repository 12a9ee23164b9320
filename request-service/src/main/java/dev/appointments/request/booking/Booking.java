package dev.appointments.request.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.confirmations.AppointmentRequested;
import dev.appointments.model.requests.PatientDetails;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.BookingDecision;
import dev.appointments.rules.Refusal;
import dev.appointments.rules.SlotRequest;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentTime;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.Attempt;
import dev.appointments.store.command.Command;
import dev.appointments.store.command.CommandHandling;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Provider;

/**
 * Books new appointments: checks the provider's rules, finds or creates the patient, and
 * writes the appointment, its time in the provider's calendar and the outcome in one
 * transaction, which also checks that the patient exists and that the provider's rules
 * are still the version checked.
 */
final class Booking {

    private final CachedProviders providers;

    private final Patients patients;

    private final Appointments appointments;

    private final CommandHandling<AppointmentConfirmationsMessage> handling;

    private final Clock clock;

    Booking(CachedProviders providers, Patients patients, Appointments appointments,
            CommandHandling<AppointmentConfirmationsMessage> handling, Clock clock) {
        this.providers = providers;
        this.patients = patients;
        this.appointments = appointments;
        this.handling = handling;
        this.clock = clock;
    }

    /**
     * The appointment a request creates has an id derived from the requestId, so a
     * retried request finds its own.
     */
    static String appointmentIdFor(String requestId) {
        return UUID.nameUUIDFromBytes(("appointment:" + requestId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
    }

    Attempt<AppointmentConfirmationsMessage> book(Command command, RequestAppointment request) {
        Optional<Provider> provider = providers.find(request.providerId());
        if (provider.isEmpty()) {
            return Attempt.refused(ReasonCode.UNKNOWN_PROVIDER, "There is no provider " + request.providerId() + ".",
                    null);
        }
        Instant now = clock.instant();
        BookingDecision decision = check(provider.get(), request, now);
        if (decision instanceof Refusal) {
            // Refused by rules that may be cached: only the rules as stored now may
            // refuse.
            provider = providers.read(request.providerId());
            if (provider.isEmpty()) {
                return Attempt.refused(ReasonCode.UNKNOWN_PROVIDER,
                        "There is no provider " + request.providerId() + ".", null);
            }
            decision = check(provider.get(), request, now);
        }
        BookingCalendar calendar = provider.get().calendar();
        SlotRequest slot;
        switch (decision) {
            case Refusal refusal -> {
                return Attempt.refused(refusal.reason(), refusal.message(), null);
            }
            case SlotRequest allowed -> slot = allowed;
        }
        // A patient named by id is checked by the booking's transaction; one given by
        // details is found or created.
        String patientId = request.patientId() != null ? request.patientId() : patientOf(request.patient(), now);
        String appointmentId = appointmentIdFor(command.requestId());
        Appointment appointment = Appointment.requested(appointmentId, request.providerId(), patientId,
                AppointmentTime.of(slot, calendar.zone().getId(), request.appointmentDate(), request.startTime()),
                request.notes(), command.requestId(), now);
        List<AppointmentConfirmationsMessage> facts = List.of(requested(appointment, provider.get(), command));
        Outcome accepted = handling.accepted(command, appointmentId, "Booked; waiting for confirmation.", now, facts);
        return switch (appointments.book(appointment, accepted, provider.get().version())) {
            case WRITTEN -> Attempt.written(accepted, facts);
            // An unknown patient is the answer even when the slot is taken too, as it was
            // when patients were read first.
            case SLOT_TAKEN -> patients.find(patientId).isEmpty() ? unknownPatient(request)
                    : Attempt.refused(ReasonCode.SLOT_UNAVAILABLE, "The slot is taken: %s %s at %s."
                        .formatted(request.appointmentDate(), request.startTime(), request.providerId()), null);
            case UNKNOWN_PATIENT -> unknownPatient(request);
            case PROVIDER_CHANGED -> {
                providers.forget(request.providerId());
                yield Attempt.changed();
            }
            // The same request ran at the same moment elsewhere: its outcome answers.
            case ALREADY_RECORDED, STALE -> Attempt.alreadyRecorded();
        };
    }

    private static BookingDecision check(Provider provider, RequestAppointment request, Instant now) {
        return provider.calendar()
            .check(request.appointmentDate(), request.startTime(), request.durationMinutes(), now);
    }

    private static Attempt<AppointmentConfirmationsMessage> unknownPatient(RequestAppointment request) {
        return Attempt.refused(ReasonCode.UNKNOWN_PATIENT, "There is no patient " + request.patientId() + ".", null);
    }

    static AppointmentRequested requested(Appointment appointment, Provider provider, Command command) {
        return new AppointmentRequested(command.requestId(), appointment.appointmentId(), appointment.providerId(),
                appointment.patientId(), appointment.startsAt(), appointment.endsAt(), provider.rules().autoConfirm(),
                provider.rules().confirmationTimeout(), appointment.version());
    }

    private String patientOf(PatientDetails details, Instant now) {
        return patients
            .findOrCreate(new Patient(null, details.firstName(), details.lastName(), details.email(), details.phone(),
                    details.dateOfBirth(), now))
            .patientId();
    }

}
