package dev.appointments.request.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a command as the booking handler records it with the outcome: the SHA-256 of the command's JSON
 * as the service writes it (the queued payload). Equal fingerprints tell the intake that an outcome answers this very
 * request, and not another command that reused its requestId.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
