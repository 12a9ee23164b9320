package dev.appointments.query;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The query-service's settings ({@code appointments.query.*}, each overridable by
 * environment variable, e.g. {@code APPOINTMENTS_QUERY_SLOTCACHETTL=10s}).
 *
 * @param slotCacheTtl how long a provider's day (rules and busy times) is served from
 * memory before it is read again; free slots may lag a booking by this much
 * @param slotCacheSize how many provider days the cache holds at most
 */
@ConfigurationProperties("appointments.query")
public record QueryServiceProperties(@DefaultValue("5s") Duration slotCacheTtl,
        @DefaultValue("10000") int slotCacheSize) {
}
