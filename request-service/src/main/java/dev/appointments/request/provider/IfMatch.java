package dev.appointments.request.provider;

import java.util.Arrays;

/**
 * An {@code If-Match} header (RFC 9110, section 13.1.1) against a provider's version,
 * whose strong ETag is the version in quotes. Weak tags never match: If-Match compares
 * strongly.
 */
record IfMatch(String header) {

    /**
     * Whether the header names {@code version}, or is {@code *} (any current version).
     */
    boolean matches(long version) {
        String tag = "\"" + version + "\"";
        return Arrays.stream(header.split(","))
            .map(String::trim)
            .anyMatch(candidate -> candidate.equals("*") || candidate.equals(tag));
    }
}
