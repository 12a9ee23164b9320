package dev.appointments.dynamodb.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The tables of one test: each gets a name of its own, is billed per request and is
 * ACTIVE before the test uses it, and is deleted when the test ends, so that the suite is
 * safe to run against a real account.
 */
final class ConformanceTables implements AutoCloseable {

    /**
     * Tables take seconds to create: the SDK's default of 20 s between polls would waste
     * most of a test's time.
     */
    private static final WaiterOverrideConfiguration POLL_EVERY_SECOND = WaiterOverrideConfiguration.builder()
        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofSeconds(1)))
        .maxAttempts(300)
        .build();

    private final DynamoDbClient dynamo;

    private final List<String> created = new ArrayList<>();

    ConformanceTables(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * A fresh name, deleted at the end of the test if a table of that name exists then.
     */
    String newName() {
        String name = "conformance-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        created.add(name);
        return name;
    }

    /** A table keyed by a partition key only. */
    String withPartitionKey(String name, ScalarAttributeType type) {
        return create(table -> table.attributeDefinitions(definition(name, type)).keySchema(key(name, KeyType.HASH)));
    }

    /** A table keyed by a partition key and a sort key. */
    String withPartitionAndSortKey(String partition, ScalarAttributeType partitionType, String sort,
            ScalarAttributeType sortType) {
        return create(
                table -> table.attributeDefinitions(definition(partition, partitionType), definition(sort, sortType))
                    .keySchema(key(partition, KeyType.HASH), key(sort, KeyType.RANGE)));
    }

    /**
     * A table as the caller defines it, under a fresh name and billed per request, once
     * it is ACTIVE.
     */
    String create(Consumer<CreateTableRequest.Builder> definition) {
        String name = newName();
        CreateTableRequest.Builder request = CreateTableRequest.builder();
        definition.accept(request);
        dynamo.createTable(request.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).build());
        awaitActive(name);
        return name;
    }

    void awaitActive(String name) {
        dynamo.waiter().waitUntilTableExists(describe(name), POLL_EVERY_SECOND);
    }

    void awaitDeleted(String name) {
        dynamo.waiter().waitUntilTableNotExists(describe(name), POLL_EVERY_SECOND);
    }

    private static DescribeTableRequest describe(String name) {
        return DescribeTableRequest.builder().tableName(name).build();
    }

    /**
     * Reads an item with a strongly consistent read, so that a real DynamoDB shows the
     * test's own writes.
     */
    Map<String, AttributeValue> read(String table, Map<String, AttributeValue> key) {
        var response = dynamo.getItem(request -> request.tableName(table).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Override
    public void close() {
        for (String name : created) {
            try {
                dynamo.deleteTable(request -> request.tableName(name));
            }
            catch (ResourceNotFoundException alreadyGone) {
                // the test deleted it, or never created it
            }
        }
    }

}
