package dev.appointments.request.booking;

import dev.appointments.store.outcome.Outcome;

/**
 * The fingerprint of a command, recorded with its outcome: the SHA-256 of the command's JSON as the service writes it
 * (the queued payload). Equal fingerprints tell a redelivery, or the intake waiting for an answer, that an outcome
 * answers this very command, and not another one that reused its requestId.
 */
public final class CommandFingerprint {

    private CommandFingerprint() {
    }

    public static String of(String payload) {
        return Outcome.fingerprintOf(payload);
    }
}
