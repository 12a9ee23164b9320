package dev.appointments.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.appointments.security.ApiSecurityProperties.AccessRule;
import dev.appointments.security.ApiSecurityProperties.Cors;
import dev.appointments.security.ApiSecurityProperties.Headers;
import dev.appointments.security.ApiSecurityProperties.Limit;
import dev.appointments.security.ApiSecurityProperties.RateLimit;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Turns {@link ApiSecurityProperties} into the pieces of the filter chain: rules, limits,
 * CORS and headers.
 */
final class ApiFilters {

    private static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;

    private ApiFilters() {
    }

    static void declare(AccessRules rules, List<AccessRule> configured) {
        for (AccessRule rule : configured) {
            String[] paths = rule.paths().toArray(String[]::new);
            AccessRules.Target target = StringUtils.hasText(rule.method())
                    ? rules.path(HttpMethod.valueOf(rule.method().trim().toUpperCase(java.util.Locale.ROOT)), paths)
                    : rules.path(paths);
            if (rule.permitAll() && !rule.roles().isEmpty()) {
                throw new IllegalArgumentException(
                        "Access rule for " + rule.paths() + " has both roles and permit-all");
            }
            if (rule.permitAll()) {
                target.permitAll();
            }
            else if (rule.roles().isEmpty()) {
                target.authenticated();
            }
            else {
                target.roles(rule.roles().toArray(String[]::new));
            }
        }
    }

    static ClientRateLimitFilter rateLimit(RateLimit settings) {
        List<ClientRateLimitFilter.LimitedRequests> limits = new ArrayList<>();
        if (settings.enabled()) {
            for (Limit limit : settings.limits()) {
                HttpMethod method = StringUtils.hasText(limit.method()) ? HttpMethod.valueOf(limit.method().trim())
                        : null;
                limits.add(new ClientRateLimitFilter.LimitedRequests(
                        PathPatternRequestMatcher.withDefaults().matcher(method, limit.path()),
                        new TokenBuckets(limit.capacity(), limit.period(), settings.maxClients(), System::nanoTime)));
            }
        }
        return new ClientRateLimitFilter(limits);
    }

    /**
     * Every path gets the same policy; with no allowed origins every cross-origin request
     * is refused.
     */
    static CorsConfigurationSource cors(Cors settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.setAllowedMethods(settings.allowedMethods());
        cors.setAllowedHeaders(settings.allowedHeaders());
        cors.setExposedHeaders(settings.exposedHeaders());
        cors.setMaxAge(settings.maxAge());
        // Bearer tokens travel in a header, never in cookies: credentials mode stays off.
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * Spring Security's defaults (nosniff, frame DENY, no-store, HSTS on HTTPS) plus
     * these.
     */
    static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, Headers settings, String issuerUri) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(settings, issuerUri)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.get(settings.referrerPolicy())))
            .permissionsPolicyHeader(permissions -> permissions.policy(settings.permissionsPolicy()))
            .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
            .crossOriginResourcePolicy(resource -> resource.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(ONE_YEAR_SECONDS));
    }

    /**
     * Scripts, styles and everything else from the service's own origin only, no inline
     * script, no framing; the page may also call the token issuer, where the patient page
     * exchanges its sign-in code.
     */
    static String contentSecurityPolicy(Headers settings, String issuerUri) {
        if (StringUtils.hasText(settings.contentSecurityPolicy())) {
            return settings.contentSecurityPolicy();
        }
        String connect = "'self'" + (StringUtils.hasText(issuerUri) ? " " + origin(URI.create(issuerUri)) : "");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + connect + "; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

}
