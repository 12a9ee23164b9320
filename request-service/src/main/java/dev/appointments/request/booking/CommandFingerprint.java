package dev.appointments.request.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a command, recorded with its outcome: the SHA-256 of the command's JSON as the service writes it
 * (the queued payload). Equal fingerprints tell a redelivery, or the intake waiting for an answer, that an outcome
 * answers this very command, and not another one that reused its requestId.
 */
public final class CommandFingerprint {

    private CommandFingerprint() {
    }

    public static String of(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
