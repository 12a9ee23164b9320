package dev.appointments.query.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * FHIR times in UTC with second precision ({@code 2026-12-01T14:30:00Z}), whatever the
 * server's default time zone.
 */
final class FhirTime {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirTime() {
    }

    static InstantType instant(Instant instant) {
        InstantType type = new InstantType(Date.from(instant), TemporalPrecisionEnum.SECOND, UTC);
        type.setTimeZoneZulu(true);
        return type;
    }

    static DateTimeType dateTime(Instant instant) {
        DateTimeType type = new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND, UTC);
        type.setTimeZoneZulu(true);
        return type;
    }

}
