package dev.appointments.security;

/**
 * The roles of the product, as they appear in the {@code roles} claim of an access token.
 * Spring Security sees each as the authority {@code ROLE_<role>}.
 */
public final class Roles {

    /**
     * Reads only its own appointments, outcomes and patient record; books for itself,
     * moves and cancels its own.
     */
    public static final String PATIENT = "patient";

    /**
     * Reads the appointments of the providers in its {@code provider_id} claim; confirms,
     * declines, completes and marks them no-show, and edits those providers' rules.
     */
    public static final String PROVIDER = "provider";

    /** Gives any command for any patient; reads all appointments and outcomes. */
    public static final String SCHEDULER = "scheduler";

    /** Manages providers. */
    public static final String ADMIN = "admin";

    /** The ops API, DLQ browse and redrive, the dashboard, actuator. */
    public static final String OPS = "ops";

    private Roles() {
    }

}
