package dev.appointments.store.provider;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.appointments.resources.Tables;
import dev.appointments.rules.ProviderRules;
import dev.appointments.store.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import tools.jackson.databind.json.JsonMapper;

import static dev.appointments.store.Attributes.instant;
import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.number;
import static dev.appointments.store.Attributes.s;
import static dev.appointments.store.Attributes.string;

/**
 * The providers table. The rules are stored as the JSON of the admin API, so that every reader sees the same rules.
 */
public final class Providers {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final DynamoDbClient dynamoDb;
    private final DynamoDbCalls calls;

    public Providers(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
    }

    public Optional<Provider> find(String providerId) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.Providers.NAME)
                .key(Map.of(Tables.Providers.ID, s(providerId))).consistentRead(true)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Provider(providerId, JSON.readValue(string(item, "rules"), ProviderRules.class),
                number(item, "version"), instant(item, "updatedAt")));
    }

    /** Creates or replaces a provider's rules; returns the stored provider, one version later. */
    public Provider save(String providerId, ProviderRules rules, Instant at) {
        long version = find(providerId).map(Provider::version).orElse(0L) + 1;
        calls.call(() -> dynamoDb.putItem(request -> request.tableName(Tables.Providers.NAME).item(Map.of(
                Tables.Providers.ID, s(providerId),
                "rules", s(JSON.writeValueAsString(rules)),
                "version", n(version),
                "updatedAt", s(at.toString())))));
        return new Provider(providerId, rules, version, at);
    }

    /**
     * Replaces an existing provider's rules if they are still at {@code expectedVersion} (a conditional write, so that
     * two editors never overwrite each other unseen); returns the stored provider, one version later, or empty when
     * the provider is missing or at another version.
     */
    public Optional<Provider> replace(String providerId, ProviderRules rules, long expectedVersion, Instant at) {
        long version = expectedVersion + 1;
        try {
            calls.call(() -> dynamoDb.putItem(request -> request.tableName(Tables.Providers.NAME).item(Map.of(
                    Tables.Providers.ID, s(providerId),
                    "rules", s(JSON.writeValueAsString(rules)),
                    "version", n(version),
                    "updatedAt", s(at.toString())))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))));
            return Optional.of(new Provider(providerId, rules, version, at));
        }
        catch (ConditionalCheckFailedException changedOrMissing) {
            return Optional.empty();
        }
    }
}
