package dev.appointments.benchmarks.engine;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The calls the benchmark makes, on a table of its own with one global secondary index.
 */
final class Workloads {

    private static final int GROUPS = 200;

    private final DynamoDbClient client;

    private final String table;

    private int seeded;

    Workloads(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    static DynamoDbClient client(URI endpoint, int connections) {
        return DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .httpClient(ApacheHttpClient.builder().maxConnections(connections).build())
            .build();
    }

    void createTables() {
        client.createTable(create -> create.tableName(table)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("grp", ScalarAttributeType.S),
                    attribute("seq", ScalarAttributeType.N))
            .keySchema(key("id", KeyType.HASH))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                .indexName("by-group")
                .keySchema(key("grp", KeyType.HASH), key("seq", KeyType.RANGE))
                .projection(projection -> projection.projectionType(ProjectionType.ALL))
                .build()));
    }

    void seed(int items) {
        for (int i = 0; i < items; i++) {
            client.putItem(put -> put.tableName(table).item(item("seed-" + seeded, seeded)));
            seeded++;
        }
    }

    /** The workloads in the order they run, the baseline first. */
    Map<String, Load.Call> all() {
        Map<String, Load.Call> workloads = new LinkedHashMap<>();
        workloads.put("baseline ListTables", sequence -> client.listTables());
        workloads.put("conditional PutItem",
                sequence -> client.putItem(put -> put.tableName(table)
                    .item(item("put-" + sequence, sequence))
                    .conditionExpression("attribute_not_exists(id)")));
        workloads.put("TransactWriteItems (3 puts)", sequence -> client
            .transactWriteItems(write -> write.transactItems(List.of(transactPut("tx-" + sequence + "-a", sequence),
                    transactPut("tx-" + sequence + "-b", sequence), transactPut("tx-" + sequence + "-c", sequence)))));
        workloads.put("GetItem", sequence -> client.getItem(get -> get.tableName(table)
            .key(Map.of("id", AttributeValue.fromS("seed-" + ThreadLocalRandom.current().nextInt(seeded))))));
        workloads.put("GSI Query (10 items)",
                sequence -> client.query(
                        query -> query.tableName(table)
                            .indexName("by-group")
                            .keyConditionExpression("grp = :g AND seq > :s")
                            .limit(10)
                            .expressionAttributeValues(Map.of(":g",
                                    AttributeValue.fromS("g" + ThreadLocalRandom.current().nextInt(GROUPS)), ":s",
                                    AttributeValue.fromN("0")))));
        return workloads;
    }

    void deleteTables() {
        client.deleteTable(delete -> delete.tableName(table));
    }

    private TransactWriteItem transactPut(String id, long sequence) {
        return TransactWriteItem.builder()
            .put(Put.builder()
                .tableName(table)
                .item(item(id, sequence))
                .conditionExpression("attribute_not_exists(id)")
                .build())
            .build();
    }

    private static Map<String, AttributeValue> item(String id, long sequence) {
        return Map.of("id", AttributeValue.fromS(id), "grp", AttributeValue.fromS("g" + (sequence % GROUPS)), "seq",
                AttributeValue.fromN(Long.toString(sequence)), "status", AttributeValue.fromS("CONFIRMED"), "startsAt",
                AttributeValue.fromS("2026-12-01T14:30:00Z"), "notes",
                AttributeValue.fromS("a note of about fifty characters, like a booking's"));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

}
