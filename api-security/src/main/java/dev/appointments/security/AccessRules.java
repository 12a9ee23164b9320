package dev.appointments.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The list that {@link ApiAccessRules} beans add their rules to: {@code path(...)} names
 * the requests, {@code roles(...)}, {@code permitAll()} or {@code authenticated()} says
 * who may make them.
 */
public final class AccessRules {

    private final List<Rule> rules = new ArrayList<>();

    AccessRules() {
    }

    /**
     * Requests of any method to these path patterns (Spring's {@code PathPattern}
     * syntax).
     */
    public Target path(String... patterns) {
        return new Target(null, patterns);
    }

    /** Requests of this method to these path patterns. */
    public Target path(HttpMethod method, String... patterns) {
        return new Target(method, patterns);
    }

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** The requests a rule is about, waiting to be told who may make them. */
    public final class Target {

        private final HttpMethod method;

        private final String[] patterns;

        private Target(HttpMethod method, String... patterns) {
            if (patterns.length == 0) {
                throw new IllegalArgumentException("An access rule needs at least one path pattern");
            }
            this.method = method;
            this.patterns = patterns.clone();
        }

        /** Only tokens carrying one of these roles. */
        public AccessRules roles(String... roles) {
            if (roles.length == 0) {
                throw new IllegalArgumentException("roles() needs at least one role; use authenticated() for any role");
            }
            return add(AuthorityAuthorizationManager.hasAnyRole(roles), "roles " + String.join(", ", roles));
        }

        /** No token needed: for the product's own static pages and public documents. */
        public AccessRules permitAll() {
            return add(SingleResultAuthorizationManager.permitAll(), "permit all");
        }

        /** Any valid token, whatever its roles. */
        public AccessRules authenticated() {
            return add(AuthenticatedAuthorizationManager.authenticated(), "authenticated");
        }

        private AccessRules add(AuthorizationManager<RequestAuthorizationContext> access, String description) {
            List<RequestMatcher> matchers = new ArrayList<>();
            for (String pattern : patterns) {
                matchers.add(PathPatternRequestMatcher.withDefaults().matcher(method, pattern));
            }
            rules.add(new Rule(matchers, access,
                    (method == null ? "" : method + " ") + String.join(", ", patterns) + " -> " + description));
            return AccessRules.this;
        }

    }

    /** One rule: the requests it matches and the decision for them. */
    record Rule(List<RequestMatcher> matchers, AuthorizationManager<RequestAuthorizationContext> access,
            String description) {
    }

}
