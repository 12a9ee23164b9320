package dev.appointments.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.AutoCloseableSoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the AsyncAPI document {@code schema/asyncapi.yaml} in step with the records and
 * the JSON Schemas.
 */
class AsyncApiTests {

    private static final JsonNode asyncApi = read();

    @ParameterizedTest
    @EnumSource(Queues.class)
    void eachQueueIsAChannelListingEveryMessageTypeOfItsSealedInterface(Queues queue) {
        JsonNode channel = channelAt(queue.queueName);

        assertThat(channel.get("messages").propertyNames())
            .containsExactlyElementsOf(queue.messageTypes().stream().map(Class::getSimpleName).toList());
    }

    @ParameterizedTest
    @EnumSource(Queues.class)
    void eachMessageTakesItsPayloadFromItsQueueSchema(Queues queue) {
        JsonNode defs = ContractSchemas.tree(queue.schemaFile()).get("$defs");
        try (var softly = new AutoCloseableSoftAssertions()) {
            for (Class<?> type : queue.messageTypes()) {
                String name = type.getSimpleName();
                JsonNode message = asyncApi.at("/components/messages/" + name);
                softly.assertThat(message.path("name").asString("")).as("name of %s", name).isEqualTo(name);
                softly.assertThat(message.at("/payload/$ref").asString(""))
                    .as("payload of %s", name)
                    .isEqualTo(queue.schemaFile() + "#/$defs/" + name);
                softly.assertThat(defs.has(name)).as("definition of %s", name).isTrue();
            }
        }
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectLocalReferences(asyncApi, references);

        assertThat(references).isNotEmpty()
            .allSatisfy(reference -> assertThat(asyncApi.at(reference.substring(1)).isMissingNode()).as(reference)
                .isFalse());
    }

    @Test
    void operationsOnlyNameMessagesOfTheirChannel() {
        asyncApi.get("operations").forEach(operation -> {
            String channel = operation.at("/channel/$ref").asString();
            operation.get("messages")
                .forEach(message -> assertThat(message.get("$ref").asString()).startsWith(channel + "/messages/"));
        });
    }

    /** The AsyncAPI document, read once. */
    static JsonNode document() {
        return asyncApi;
    }

    private static JsonNode channelAt(String address) {
        return asyncApi.get("channels")
            .valueStream()
            .filter(channel -> address.equals(channel.path("address").asString("")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no channel for queue " + address));
    }

    private static void collectLocalReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asString().startsWith("#/")) {
                references.add(ref.asString());
            }
        }
        node.forEach(child -> collectLocalReferences(child, references));
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiTests.class.getResourceAsStream("/schema/asyncapi.yaml")) {
            JsonNode document = YAMLMapper.shared().readTree(in);
            assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
            return document;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
