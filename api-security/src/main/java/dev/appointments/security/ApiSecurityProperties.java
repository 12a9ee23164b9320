package dev.appointments.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the API security ({@code appointments.security.*}); the token issuer itself
 * is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 *
 * @param enabled an emergency switch only: {@code false} removes this configuration, and
 * Spring Boot's defaults (every request authenticated) apply instead
 * @param claims names of the claims that carry roles and ids
 * @param access per-path role rules, checked in order before those of
 * {@link ApiAccessRules} beans
 * @param maxRequestBody larger request bodies are answered 413
 * @param rateLimit per-client limits on chosen requests, answered 429
 * @param cors which browser origins may call the API
 * @param headers security response headers
 */
@ConfigurationProperties("appointments.security")
record ApiSecurityProperties(@DefaultValue("true") boolean enabled, @DefaultValue Claims claims,
        List<AccessRule> access, @DefaultValue("64KB") DataSize maxRequestBody, @DefaultValue RateLimit rateLimit,
        @DefaultValue Cors cors, @DefaultValue Headers headers) {

    ApiSecurityProperties {
        access = access == null ? List.of() : List.copyOf(access);
    }

    /** Claim names; Cognito, for example, carries groups in {@code cognito:groups}. */
    record Claims(@DefaultValue("roles") String roles, @DefaultValue("patient_id") String patientId,
            @DefaultValue("provider_id") String providerId) {
    }

    /**
     * One access rule: requests matching the method (any if absent) and one of the path
     * patterns need one of the roles; with {@code permit-all} they need no token; with
     * neither, any valid token will do.
     */
    record AccessRule(String method, List<String> paths, List<String> roles, boolean permitAll) {

        AccessRule {
            paths = paths == null ? List.of() : List.copyOf(paths);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Token buckets per client (the token's subject): each limit allows {@code capacity}
     * requests at once and refills that many per {@code period}. The default limits the
     * intake, POST /api/appointment-requests.
     */
    record RateLimit(@DefaultValue("true") boolean enabled, List<Limit> limits,
            @DefaultValue("100000") int maxClients) {

        RateLimit {
            limits = limits == null ? List.of(new Limit("POST", "/api/appointment-requests", 30, Duration.ofMinutes(1)))
                    : List.copyOf(limits);
        }
    }

    /**
     * One rate limit: method (any if absent), path pattern, burst capacity and the period
     * that refills it.
     */
    record Limit(String method, String path, int capacity, Duration period) {
    }

    /**
     * Origins allowed to call the API from a browser; none by default, so only
     * same-origin pages can.
     */
    record Cors(List<String> allowedOrigins, @DefaultValue( {
            "GET", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
            @DefaultValue({ "Authorization", "Content-Type" }) List<String> allowedHeaders,
            @DefaultValue({ "Location", "Retry-After" }) List<String> exposedHeaders,
            @DefaultValue("1h") Duration maxAge){

        Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * @param contentSecurityPolicy the whole policy; when absent, a strict same-origin
     * policy whose {@code connect-src} also allows the token issuer (the patient page
     * signs in from the browser)
     * @param referrerPolicy the Referrer-Policy header
     * @param permissionsPolicy the Permissions-Policy header
     */
    record Headers(String contentSecurityPolicy, @DefaultValue("no-referrer") String referrerPolicy,
            @DefaultValue("camera=(), microphone=(), geolocation=(), payment=(), usb=()") String permissionsPolicy) {
    }
}
