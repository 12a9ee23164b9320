package dev.appointments.query.security;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions the access tests share.
 */
final class AccessAssertions {

    private AccessAssertions() {
    }

    /** A 401 or 403 problem from the security chain. */
    static void assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    /**
     * A refused object answers exactly like a missing one: 404, the same content type and
     * the same body once each names its own id, so a caller cannot tell the two apart.
     */
    static void assertLikeMissing(HttpResponse<String> refused, String refusedId, HttpResponse<String> missing,
            String missingId) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Type"))
            .isEqualTo(missing.headers().firstValue("Content-Type"));
        assertThat(refused.body().replace(refusedId, "<id>")).isEqualTo(missing.body().replace(missingId, "<id>"));
    }

}
