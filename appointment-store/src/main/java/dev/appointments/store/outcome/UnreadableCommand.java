package dev.appointments.store.outcome;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.appointments.model.Identifier;
import dev.appointments.model.ReasonCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message that could not be read as a command, described so that its producer can still
 * be answered: the requestId and type it carries (in its body when that is a JSON object,
 * else in the message attributes), and what is wrong with it. The description names
 * fields but never quotes their values, which may be personal data.
 *
 * @param requestId the requestId it carries, if it is a valid one; {@code null} otherwise
 * @param type the {@code type} it names, if that is a valid name; {@code "unknown"}
 * otherwise
 * @param problem what is wrong with it, for people
 * @param fingerprint the fingerprint of the body as received
 */
public record UnreadableCommand(String requestId, String type, String problem, String fingerprint) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param body the message body
     * @param requestIdAttribute the message attribute {@code requestId}, or {@code null}
     * @param typeAttribute the message attribute {@code type}, or {@code null}
     * @param failure why the body could not be read as a command
     */
    public static UnreadableCommand of(String body, String requestIdAttribute, String typeAttribute,
            JacksonException failure) {
        JsonNode tree = tree(body);
        String requestId = valid(tree.path("requestId").isString() ? tree.path("requestId").asString() : null);
        String type = valid(tree.path("type").isString() ? tree.path("type").asString() : null);
        return new UnreadableCommand(requestId != null ? requestId : valid(requestIdAttribute),
                type != null ? type : Optional.ofNullable(valid(typeAttribute)).orElse("unknown"),
                describe(tree, failure), Outcome.fingerprintOf(body));
    }

    /** The same message as a command that was read, but without a valid requestId. */
    public static UnreadableCommand withoutRequestId(String body, String requestIdAttribute, String type) {
        return new UnreadableCommand(valid(requestIdAttribute), type,
                "requestId: must be 1 to 128 characters of A-Z a-z 0-9 . _ : -", Outcome.fingerprintOf(body));
    }

    /**
     * The outcome that answers it: {@code REJECTED} with reason {@code INVALID}, naming
     * the dead-letter queue the message is moved to; empty when it carries no requestId
     * to record it under.
     */
    public Optional<Outcome> outcome(String deadLetterQueue, Instant at) {
        if (requestId == null) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(requestId, type, fingerprint, OutcomeStatus.REJECTED, ReasonCode.INVALID.name(),
                "The message could not be read as a command (" + problem + "); it was moved to " + deadLetterQueue
                        + " as it was sent. Send a corrected command with a new requestId.",
                null, at, deadLetterQueue, List.of(), null));
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        }
        catch (JacksonException notJson) {
            return JSON.missingNode();
        }
    }

    private static String describe(JsonNode tree, JacksonException failure) {
        if (!tree.isObject()) {
            return "not a JSON object";
        }
        if (failure instanceof InvalidTypeIdException typeId) {
            String type = valid(typeId.getTypeId());
            return type == null ? "no valid type" : "unknown type " + type;
        }
        String path = failure.getPath()
            .stream()
            .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                    : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
        return path.isEmpty() ? "not readable as a command" : "field " + path + " has the wrong type or format";
    }

    /**
     * The text when it is a valid id or type name: one that is safe to store, show and
     * log.
     */
    private static String valid(String text) {
        return text != null && text.length() <= Identifier.MAX_LENGTH && text.matches(Identifier.PATTERN) ? text : null;
    }
}
