package dev.appointments.authserver;

/**
 * Names of the claims the services read from access tokens, and of the client settings
 * that hold them.
 */
final class Claims {

    static final String ROLES = "roles";
    static final String PATIENT_ID = "patient_id";
    static final String PROVIDER_ID = "provider_id";

    static final String ROLES_SETTING = "appointments.roles";
    static final String PATIENT_ID_SETTING = "appointments.patient-id";
    static final String PROVIDER_IDS_SETTING = "appointments.provider-ids";

    private Claims() {
    }

}
