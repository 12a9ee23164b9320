package dev.appointments.request;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the request-service, each overridable by environment variable
 * ({@code APPOINTMENTS_REQUEST_OUTCOME_BASE_URL}, ...).
 *
 * @param outcomeBaseUrl where producers read outcomes: the query-service's base URL
 */
@ConfigurationProperties("appointments.request")
public record RequestServiceProperties(@DefaultValue("http://127.0.0.1:8080") URI outcomeBaseUrl) {
}
