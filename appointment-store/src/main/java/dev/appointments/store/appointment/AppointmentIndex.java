package dev.appointments.store.appointment;

import dev.appointments.resources.Tables;

/**
 * The indexes that list appointments in start-time order: by patient, by provider, by
 * status.
 */
public enum AppointmentIndex {

    BY_PATIENT(Tables.Appointments.BY_PATIENT, Tables.Appointments.PATIENT_ID),
    BY_PROVIDER(Tables.Appointments.BY_PROVIDER, Tables.Appointments.PROVIDER_ID),
    BY_STATUS(Tables.Appointments.BY_STATUS, Tables.Appointments.STATUS);

    private final String indexName;

    private final String keyAttribute;

    AppointmentIndex(String indexName, String keyAttribute) {
        this.indexName = indexName;
        this.keyAttribute = keyAttribute;
    }

    public String indexName() {
        return indexName;
    }

    /**
     * The attribute the index is partitioned by; its sort key is
     * {@link Tables.Appointments#STARTS_AT}.
     */
    public String keyAttribute() {
        return keyAttribute;
    }

}
