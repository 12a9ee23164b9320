package dev.appointments.resources;

import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A queue's SQS redrive policy: where a message goes after too many receives.
 *
 * @param deadLetterTargetArn the dead-letter queue's ARN
 * @param maxReceiveCount receives after which SQS moves a message there
 */
public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Reads the {@code RedrivePolicy} attribute as SQS gives it; the count is a number or
     * a string depending on who set it. Empty when there is no policy or it cannot be
     * read.
     */
    public static Optional<RedrivePolicy> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode policy = JSON.readTree(json);
            String arn = policy.path("deadLetterTargetArn").asString("");
            String count = policy.path("maxReceiveCount").asString("");
            if (arn.isEmpty() || count.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RedrivePolicy(arn, Integer.parseInt(count)));
        }
        catch (JacksonException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** The dead-letter queue's name, the last part of its ARN. */
    public String deadLetterQueueName() {
        return deadLetterTargetArn.substring(deadLetterTargetArn.lastIndexOf(':') + 1);
    }

    /**
     * The attribute's value, with the count as a string, as the SQS console and CLI write
     * it.
     */
    public String toJson() {
        return JSON.writeValueAsString(
                Map.of("deadLetterTargetArn", deadLetterTargetArn, "maxReceiveCount", String.valueOf(maxReceiveCount)));
    }
}
