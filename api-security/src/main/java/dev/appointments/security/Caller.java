package dev.appointments.security;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the token's subject, roles and ids. Services use it for object-level
 * checks after loading an object, and answer a refused read exactly like a missing object
 * (404, same body), so that ids cannot be probed:
 *
 * <pre>{@code
 * appointments.find(id)
 *         .filter(appointment -> caller.canSeeAppointment(appointment.patientId(), appointment.providerId()))
 *         .orElseThrow(() -> new AppointmentNotFound(id));
 * }</pre>
 *
 * A controller method receives it as a parameter of type {@code Caller}; elsewhere
 * {@link CallerContext#current()}.
 */
public final class Caller {

    private final String subject;

    private final Set<String> roles;

    private final String patientId;

    private final Set<String> providerIds;

    /**
     * @param subject the token's subject (a client id, or a person's user name)
     * @param roles the roles, without the {@code ROLE_} prefix
     * @param patientId the {@code patient_id} claim, or null
     * @param providerIds the {@code provider_id} claim, empty if absent
     */
    public Caller(String subject, Collection<String> roles, String patientId, Collection<String> providerIds) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.roles = Set.copyOf(roles);
        this.patientId = patientId == null || patientId.isBlank() ? null : patientId;
        this.providerIds = Set.copyOf(providerIds);
    }

    public String subject() {
        return subject;
    }

    public Set<String> roles() {
        return roles;
    }

    /** The patient this caller is, if it is one. */
    public Optional<String> patientId() {
        return Optional.ofNullable(patientId);
    }

    /** The providers this caller acts for; empty unless it has the provider role. */
    public Set<String> providerIds() {
        return providerIds;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Schedulers and ops see every appointment, a patient its own, a provider those of
     * its providers.
     */
    public boolean canSeeAppointment(String appointmentPatientId, String appointmentProviderId) {
        return hasAnyRole(Roles.SCHEDULER, Roles.OPS) || isPatient(appointmentPatientId) || (hasRole(Roles.PROVIDER)
                && appointmentProviderId != null && providerIds.contains(appointmentProviderId));
    }

    /** Schedulers and ops see every patient record, a patient only its own. */
    public boolean canSeePatient(String recordPatientId) {
        return hasAnyRole(Roles.SCHEDULER, Roles.OPS) || isPatient(recordPatientId);
    }

    /**
     * A command's outcome belongs to the patient it was about: schedulers and ops see
     * all, a patient its own.
     */
    public boolean canSeeOutcome(String outcomePatientId) {
        return canSeePatient(outcomePatientId);
    }

    /**
     * Schedulers submit intake for any patient, a patient only for itself: by its own
     * patient id, never with patient details (which would find or create a record by
     * e-mail address, not the one the token names).
     */
    public boolean canRequestFor(String requestPatientId) {
        return hasRole(Roles.SCHEDULER) || isPatient(requestPatientId);
    }

    private boolean isPatient(String id) {
        return hasRole(Roles.PATIENT) && patientId != null && patientId.equals(id);
    }

    @Override
    public String toString() {
        // No ids: they may end up in logs, and a patient id links to personal data.
        return "Caller[subject-hash=" + Integer.toHexString(subject.hashCode()) + ", roles=" + roles + "]";
    }

}
