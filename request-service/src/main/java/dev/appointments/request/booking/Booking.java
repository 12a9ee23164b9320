package dev.appointments.request.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.confirmations.AppointmentRequested;
import dev.appointments.model.requests.PatientDetails;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.Refusal;
import dev.appointments.rules.SlotRequest;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentStatus;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;

/**
 * Books new appointments: checks the provider's rules, finds or creates the patient, and writes the appointment,
 * its time in the provider's calendar and the outcome in one transaction.
 */
final class Booking {

    private final Providers providers;
    private final Patients patients;
    private final Appointments appointments;
    private final Rejections rejections;
    private final Clock clock;

    Booking(Providers providers, Patients patients, Appointments appointments, Rejections rejections, Clock clock) {
        this.providers = providers;
        this.patients = patients;
        this.appointments = appointments;
        this.rejections = rejections;
        this.clock = clock;
    }

    /** The appointment a request creates has an id derived from the requestId, so a retried request finds its own. */
    static String appointmentIdFor(String requestId) {
        return UUID.nameUUIDFromBytes(("appointment:" + requestId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    Optional<Handled> book(Command command, RequestAppointment request) {
        Optional<Provider> provider = providers.find(request.providerId());
        if (provider.isEmpty()) {
            return Optional.of(rejections.reject(command, ReasonCode.UNKNOWN_PROVIDER,
                    "There is no provider " + request.providerId() + ".", null));
        }
        BookingCalendar calendar = provider.get().calendar();
        Instant now = clock.instant();
        SlotRequest slot;
        switch (calendar.check(request.appointmentDate(), request.startTime(), request.durationMinutes(), now)) {
            case Refusal refusal -> {
                return Optional.of(rejections.reject(command, refusal.reason(), refusal.message(), null));
            }
            case SlotRequest allowed -> slot = allowed;
        }
        Optional<String> patientId = patientOf(request, now);
        if (patientId.isEmpty()) {
            return Optional.of(rejections.reject(command, ReasonCode.UNKNOWN_PATIENT,
                    "There is no patient " + request.patientId() + ".", null));
        }
        String appointmentId = appointmentIdFor(command.requestId());
        Appointment appointment = new Appointment(appointmentId, request.providerId(), patientId.get(),
                AppointmentStatus.REQUESTED, slot.start(), slot.end(), calendar.zone().getId(),
                request.appointmentDate(), request.startTime(), request.notes(), null, slot.blockedUntil(), 1,
                List.of(new HistoryEntry(now, null, AppointmentStatus.REQUESTED, command.requestId(), null)), now, now);
        Outcome accepted = Outcome.accepted(command.requestId(), command.type(), command.fingerprint(), appointmentId,
                "Booked; waiting for confirmation.", now);
        return switch (appointments.book(appointment, accepted)) {
            case WRITTEN -> Optional.of(Handled.of(accepted, List.of(requested(appointment, provider.get(), command))));
            case SLOT_TAKEN -> Optional.of(rejections.reject(command, ReasonCode.SLOT_UNAVAILABLE,
                    "The slot is taken: %s %s at %s.".formatted(request.appointmentDate(), request.startTime(),
                            request.providerId()), null));
            // The same request ran at the same moment elsewhere: the caller reads its outcome.
            case ALREADY_RECORDED, STALE -> Optional.empty();
        };
    }

    static AppointmentRequested requested(Appointment appointment, Provider provider, Command command) {
        return new AppointmentRequested(command.requestId(), appointment.appointmentId(), appointment.providerId(),
                appointment.patientId(), appointment.startsAt(), appointment.endsAt(), provider.rules().autoConfirm(),
                provider.rules().confirmationTimeout(), appointment.version());
    }

    private Optional<String> patientOf(RequestAppointment request, Instant now) {
        if (request.patientId() != null) {
            return patients.find(request.patientId()).map(Patient::patientId);
        }
        PatientDetails details = request.patient();
        return Optional.of(patients.findOrCreate(new Patient(null, details.firstName(), details.lastName(),
                details.email(), details.phone(), details.dateOfBirth(), now)).patientId());
    }
}
