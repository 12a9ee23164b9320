package dev.appointments.request;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the request-service, each overridable by environment variable
 * ({@code APPOINTMENTS_REQUEST_OUTCOME_BASE_URL}, ...).
 *
 * @param outcomeBaseUrl where producers read outcomes: the query-service's base URL
 * @param consumerBinding the binding that consumes appointment-requests, paused while DynamoDB is unreachable
 * @param dynamoDbRetryAttempts attempts of a DynamoDB call that was throttled or collided with another transaction
 * @param circuitOpenFor how long the DynamoDB circuit stays open before calls are tried again
 */
@ConfigurationProperties("appointments.request")
public record RequestServiceProperties(@DefaultValue("http://127.0.0.1:8080") URI outcomeBaseUrl,
        @DefaultValue("appointmentRequests-in-0") String consumerBinding,
        @DefaultValue("4") int dynamoDbRetryAttempts,
        @DefaultValue("10s") Duration circuitOpenFor) {
}
