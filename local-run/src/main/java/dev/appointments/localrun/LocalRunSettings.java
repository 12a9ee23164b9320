package dev.appointments.localrun;

import dev.appointments.engines.EngineSettings;

/**
 * Ports of the local run.
 *
 * @param engines where ElasticMQ and the DynamoDB engine listen
 * @param queryPort the query-service's HTTP port
 * @param requestPort the request-service's HTTP port
 * @param confirmationPort the confirmation-service's HTTP port
 * @param reminderPort the reminder-service's HTTP port
 * @param smtpPort the local mail server's SMTP port
 * @param mailboxPort the port of the local mail server's mailbox page
 * @param authServerPort the local authorization server's port
 */
public record LocalRunSettings(EngineSettings engines, int queryPort, int requestPort, int confirmationPort,
        int reminderPort, int smtpPort, int mailboxPort, int authServerPort) {

    /**
     * The well-known ports (8080-8083, SQS 9324, DynamoDB 8000), each overridable by
     * environment variable.
     */
    public static LocalRunSettings fromEnvironment() {
        return new LocalRunSettings(EngineSettings.fromEnvironment(), port("QUERY_SERVICE_PORT", 8080),
                port("REQUEST_SERVICE_PORT", 8081), port("CONFIRMATION_SERVICE_PORT", 8082),
                port("REMINDER_SERVICE_PORT", 8083), port("SMTP_PORT", 3025), port("MAILBOX_PORT", 8025),
                port("AUTH_SERVER_PORT", 9000));
    }

    /** Free ports everywhere, so a test can run beside a local run. */
    public static LocalRunSettings anyFreePorts() {
        return new LocalRunSettings(EngineSettings.anyFreePorts(), 0, 0, 0, 0, 0, 0, 0);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
