package dev.appointments.deploy.service;

import java.util.Optional;

import dev.appointments.resources.Queues;

/**
 * The four deployable services: their names (also the names of their images and exec
 * jars), the port each listens on, and the queue each consumes.
 */
public enum AppointmentService {

    REQUEST("request-service", 8081, Queues.APPOINTMENT_REQUESTS),
    CONFIRMATION("confirmation-service", 8082, Queues.APPOINTMENT_CONFIRMATIONS),
    REMINDER("reminder-service", 8083, Queues.APPOINTMENT_REMINDERS), QUERY("query-service", 8080, null);

    /**
     * Whether a task should get traffic: includes the SQS and DynamoDB indicators, so it
     * goes DOWN while either is unreachable. Open without a token (api-security's fixed
     * rules).
     */
    public static final String READINESS_PATH = "/actuator/health/readiness";

    /**
     * Whether the process is alive: DOWN only when restarting it would help. Open without
     * a token.
     */
    public static final String LIVENESS_PATH = "/actuator/health/liveness";

    private final String serviceName;

    private final int port;

    private final String consumedQueue;

    AppointmentService(String serviceName, int port, String consumedQueue) {
        this.serviceName = serviceName;
        this.port = port;
        this.consumedQueue = consumedQueue;
    }

    public String serviceName() {
        return serviceName;
    }

    public int port() {
        return port;
    }

    /**
     * The queue whose depth scales this service; empty for the query-service, which
     * scales on CPU.
     */
    public Optional<String> consumedQueue() {
        return Optional.ofNullable(consumedQueue);
    }

    /** The executable jar the Maven build leaves, relative to the repository root. */
    public String execJar() {
        return serviceName + "/target/" + serviceName + "-0.1.0-SNAPSHOT-exec.jar";
    }

}
