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
 * The providers table. The rules are stored as the JSON of the admin API, so that every
 * reader sees the same rules. Every write is conditional: a creation on the id being
 * free, an update on the version it was made from.
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
            .key(Map.of(Tables.Providers.ID, s(providerId)))
            .consistentRead(true)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Provider(providerId, JSON.readValue(string(item, "rules"), ProviderRules.class),
                number(item, "version"), instant(item, "updatedAt")));
    }

    /**
     * Creates a provider at version 1, unless one with this id exists.
     * @return the stored provider; empty when the id is taken
     */
    public Optional<Provider> create(String providerId, ProviderRules rules, Instant at) {
        return write(new Provider(providerId, rules, 1, at), "attribute_not_exists(" + Tables.Providers.ID + ")",
                Map.of());
    }

    /**
     * Replaces a provider's rules, if it is still at {@code expectedVersion}: two admins
     * who read the same version cannot both write over it.
     * @return the stored provider, one version later; empty when there is no such
     * provider or it is at another version
     */
    public Optional<Provider> update(String providerId, ProviderRules rules, long expectedVersion, Instant at) {
        return write(new Provider(providerId, rules, expectedVersion + 1, at), "version = :expected",
                Map.of(":expected", n(expectedVersion)));
    }

    private Optional<Provider> write(Provider provider, String condition, Map<String, AttributeValue> values) {
        try {
            calls.call(() -> dynamoDb.putItem(request -> request.tableName(Tables.Providers.NAME)
                .item(Map.of(Tables.Providers.ID, s(provider.providerId()), "rules",
                        s(JSON.writeValueAsString(provider.rules())), "version", n(provider.version()), "updatedAt",
                        s(provider.updatedAt().toString())))
                .conditionExpression(condition)
                .expressionAttributeValues(values.isEmpty() ? null : values)));
            return Optional.of(provider);
        }
        catch (ConditionalCheckFailedException changed) {
            return Optional.empty();
        }
    }

}
