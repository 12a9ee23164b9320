package dev.appointments.query.fhir;

import java.time.Duration;

import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;

/**
 * Maps appointments to FHIR R4 Appointment resources. Statuses: REQUESTED=pending,
 * CONFIRMED=booked, COMPLETED=fulfilled, NO_SHOW=noshow,
 * DECLINED/EXPIRED/CANCELLED=cancelled. The patient asked for the appointment, so the
 * patient has accepted it; the practitioner has accepted it while it is (or was, until
 * cancelled) confirmed, declined it when it was declined, and otherwise has still to act.
 */
final class AppointmentResources {

    private AppointmentResources() {
    }

    static org.hl7.fhir.r4.model.Appointment of(Appointment appointment) {
        var resource = new org.hl7.fhir.r4.model.Appointment();
        resource.setId(appointment.appointmentId());
        resource.getMeta().setVersionId(Long.toString(appointment.version()));
        if (appointment.updatedAt() != null) {
            resource.getMeta().setLastUpdatedElement(FhirTime.instant(appointment.updatedAt()));
        }
        resource.setStatus(status(appointment.status()));
        resource.setStartElement(FhirTime.instant(appointment.startsAt()));
        resource.setEndElement(FhirTime.instant(appointment.endsAt()));
        resource.setMinutesDuration((int) Duration.between(appointment.startsAt(), appointment.endsAt()).toMinutes());
        if (appointment.createdAt() != null) {
            resource.setCreatedElement(FhirTime.dateTime(appointment.createdAt()));
        }
        if (appointment.reason() != null) {
            resource.setCancelationReason(new CodeableConcept().setText(appointment.reason()));
        }
        resource.addParticipant(participant("Patient/" + appointment.patientId(), ParticipationStatus.ACCEPTED));
        resource
            .addParticipant(participant("Practitioner/" + appointment.providerId(), practitionerStatus(appointment)));
        return resource;
    }

    static org.hl7.fhir.r4.model.Appointment.AppointmentStatus status(AppointmentStatus status) {
        return switch (status) {
            case REQUESTED -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.PENDING;
            case CONFIRMED -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.BOOKED;
            case COMPLETED -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.FULFILLED;
            case NO_SHOW -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.NOSHOW;
            case DECLINED, EXPIRED, CANCELLED -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.CANCELLED;
        };
    }

    private static ParticipationStatus practitionerStatus(Appointment appointment) {
        return switch (appointment.status()) {
            case CONFIRMED, COMPLETED, NO_SHOW -> ParticipationStatus.ACCEPTED;
            case DECLINED -> ParticipationStatus.DECLINED;
            case REQUESTED, EXPIRED -> ParticipationStatus.NEEDSACTION;
            // Cancelled after the provider confirmed it, or before the provider acted on
            // it.
            case CANCELLED ->
                appointment.history().isEmpty() || appointment.history().getLast().from() != AppointmentStatus.CONFIRMED
                        ? ParticipationStatus.NEEDSACTION : ParticipationStatus.ACCEPTED;
        };
    }

    private static AppointmentParticipantComponent participant(String reference, ParticipationStatus status) {
        return new AppointmentParticipantComponent().setActor(new Reference(reference))
            .setRequired(ParticipantRequired.REQUIRED)
            .setStatus(status);
    }

}
