package dev.appointments.request.intake;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}): how many seconds a
 * client is willing to wait for the outcome of its request before it takes a 202. As the
 * RFC asks, preferences the intake does not know are ignored, only the first {@code wait}
 * counts, and a value that is not a whole number of seconds is ignored as well.
 */
final class PreferWait {

    /** The longest the intake holds a request open, whatever the client asks for. */
    static final Duration MAX = Duration.ofSeconds(20);

    /** The request header that carries preferences. */
    static final String PREFER = "Prefer";

    /** The response header that names the preferences honoured. */
    static final String PREFERENCE_APPLIED = "Preference-Applied";

    private PreferWait() {
    }

    /**
     * The wait asked for by these {@code Prefer} header values, at most {@link #MAX};
     * empty when none or zero.
     */
    static Optional<Duration> from(List<String> preferHeaders) {
        if (preferHeaders == null) {
            return Optional.empty();
        }
        for (String header : preferHeaders) {
            for (String preference : header.split(",")) {
                // A preference may carry parameters after ';': wait has none, so only its
                // value counts.
                String token = preference.split(";", 2)[0];
                int equals = token.indexOf('=');
                if (equals < 0 || !"wait".equals(token.substring(0, equals).trim().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                return seconds(unquote(token.substring(equals + 1).trim()));
            }
        }
        return Optional.empty();
    }

    /** The value of {@code Preference-Applied} for a wait that was honoured. */
    static String applied(Duration wait) {
        return "wait=" + wait.toSeconds();
    }

    private static Optional<Duration> seconds(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        long seconds = Math.min(Long.parseLong(value), MAX.toSeconds());
        return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

}
