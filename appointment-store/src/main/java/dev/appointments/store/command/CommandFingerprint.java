package dev.appointments.store.command;

import dev.appointments.store.outcome.Outcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fingerprint of a command, recorded with its outcome: the SHA-256 of the command's
 * JSON as written for its queue's contract. Equal fingerprints tell a redelivery, or the
 * intake waiting for an answer, that an outcome answers this very command, and not
 * another one that reused its requestId.
 */
public final class CommandFingerprint {

    private CommandFingerprint() {
    }

    public static String of(String payload) {
        return Outcome.fingerprintOf(payload);
    }

    /**
     * The command as its queue's consumer writes it to take its fingerprint: written as
     * the queue's sealed {@code contract}, so that the type name is part of it whoever
     * writes it (the intake or the consumer).
     */
    public static String payload(JsonMapper json, Class<?> contract, Object command) {
        return json.writerFor(contract).writeValueAsString(command);
    }

}
