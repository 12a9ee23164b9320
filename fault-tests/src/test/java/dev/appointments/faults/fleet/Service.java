package dev.appointments.faults.fleet;

/**
 * The four services, each run from its own executable jar.
 */
public enum Service {

    REQUEST("request-service"), CONFIRMATION("confirmation-service"), REMINDER("reminder-service"),
    QUERY("query-service");

    private final String artifactId;

    Service(String artifactId) {
        this.artifactId = artifactId;
    }

    /** The Maven module and jar name, which is also the service's name. */
    public String artifactId() {
        return artifactId;
    }

    /**
     * The consumer binding of this service's queue, whose queue attributes the binding
     * sets when it starts.
     */
    String consumerBinding() {
        return switch (this) {
            case REQUEST -> "appointmentRequests-in-0";
            case CONFIRMATION -> "appointmentConfirmations-in-0";
            case REMINDER -> "appointmentReminders-in-0";
            case QUERY -> null;
        };
    }

}
