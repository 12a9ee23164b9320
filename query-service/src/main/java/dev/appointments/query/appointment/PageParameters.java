package dev.appointments.query.appointment;

/**
 * The page a caller asked for, with the names the caller knows the page size and the
 * cursor by, so that a bad value is reported in the caller's own words.
 */
public record PageParameters(Integer limit, String limitName, String cursor, String cursorName) {

    /** The REST API's {@code limit} and {@code cursor}. */
    public static PageParameters rest(Integer limit, String cursor) {
        return new PageParameters(limit, "limit", cursor, "cursor");
    }

    /** FHIR's {@code _count} and the search's {@code _cursor}. */
    public static PageParameters fhir(Integer count, String cursor) {
        return new PageParameters(count, "_count", cursor, "_cursor");
    }
}
