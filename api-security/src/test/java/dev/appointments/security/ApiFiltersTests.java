package dev.appointments.security;

import java.util.List;

import dev.appointments.security.ApiSecurityProperties.AccessRule;
import dev.appointments.security.ApiSecurityProperties.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiFiltersTests {

    private static final Headers DEFAULT_HEADERS = new Headers(null, "no-referrer", "camera=()");

    @Test
    void defaultPolicyAllowsOwnScriptsAndTheIssuerForSignIn() {
        String policy = ApiFilters.contentSecurityPolicy(DEFAULT_HEADERS, "https://issuer.example/realms/x");

        assertThat(policy)
            .contains("script-src 'self';", "connect-src 'self' https://issuer.example;", "frame-ancestors 'none'",
                    "object-src 'none'")
            .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void configuredPolicyReplacesTheDefault() {
        Headers headers = new Headers("default-src 'none'", "no-referrer", "camera=()");

        assertThat(ApiFilters.contentSecurityPolicy(headers, "https://issuer.example")).isEqualTo("default-src 'none'");
    }

    @Test
    void propertyRulesBecomeRulesInOrder() {
        AccessRules rules = new AccessRules();
        ApiFilters.declare(rules,
                List.of(new AccessRule("post", List.of("/api/a"), List.of("scheduler"), false),
                        new AccessRule(null, List.of("/public/**"), List.of(), true),
                        new AccessRule(null, List.of("/api/me"), List.of(), false)));

        assertThat(rules.rules()).extracting(AccessRules.Rule::description)
            .containsExactly("POST /api/a -> roles scheduler", "/public/** -> permit all", "/api/me -> authenticated");
    }

    @Test
    void refusesARuleThatIsBothOpenAndRestricted() {
        assertThatIllegalArgumentException().isThrownBy(() -> ApiFilters.declare(new AccessRules(),
                List.of(new AccessRule(null, List.of("/x"), List.of("ops"), true))));
    }

    @Test
    void refusesARuleWithoutPaths() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRules().path().permitAll());
    }

}
