package dev.appointments.deploy.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.ReplicaTableProps;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.constructs.Construct;

/**
 * The DynamoDB tables of {@link dev.appointments.resources.Tables}, with the keys and
 * indexes defined there: on demand, point-in-time recovery, deletion protection, kept
 * when the stack is deleted. They are global tables ({@code AWS::DynamoDB::GlobalTable})
 * even in one region, so adding a replica region later is a change of context, not a
 * migration. In a passive region the tables are not created here: the primary region's
 * global tables already have a replica of the same name in it, and this construct only
 * refers to those.
 */
public final class DataTables extends Construct {

    private final Map<String, ITableV2> tables = new LinkedHashMap<>();

    private DataTables(Construct scope, String id) {
        super(scope, id);
    }

    /** Creates every table, replicated to the given regions. */
    public static DataTables create(Construct scope, String id, List<CreateTableRequest> definitions,
            List<String> replicaRegions) {
        DataTables construct = new DataTables(scope, id);
        for (CreateTableRequest definition : definitions) {
            construct.tables.put(definition.tableName(), construct.table(definition, replicaRegions));
        }
        return construct;
    }

    /**
     * Refers to the replicas, in this region, of tables another region's stack created.
     */
    public static DataTables replicasOf(Construct scope, String id, List<CreateTableRequest> definitions) {
        DataTables construct = new DataTables(scope, id);
        for (CreateTableRequest definition : definitions) {
            construct.tables.put(definition.tableName(),
                    TableV2.fromTableName(construct, definition.tableName(), definition.tableName()));
        }
        return construct;
    }

    public ITableV2 table(String name) {
        ITableV2 table = tables.get(name);
        if (table == null) {
            throw new NoSuchElementException("No table " + name + "; known: " + tables.keySet());
        }
        return table;
    }

    public List<String> names() {
        return List.copyOf(tables.keySet());
    }

    private TableV2 table(CreateTableRequest definition, List<String> replicaRegions) {
        TableV2.Builder table = TableV2.Builder.create(this, definition.tableName())
            .tableName(definition.tableName())
            .partitionKey(key(definition, definition.keySchema(), KeyType.HASH))
            .billing(Billing.onDemand())
            .pointInTimeRecoverySpecification(
                    PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .deletionProtection(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .replicas(
                    replicaRegions.stream().map(region -> ReplicaTableProps.builder().region(region).build()).toList());
        Attribute sortKey = key(definition, definition.keySchema(), KeyType.RANGE);
        if (sortKey != null) {
            table.sortKey(sortKey);
        }
        TimeToLive.attributeOf(definition.tableName()).ifPresent(table::timeToLiveAttribute);
        if (definition.hasGlobalSecondaryIndexes()) {
            table.globalSecondaryIndexes(
                    definition.globalSecondaryIndexes().stream().map(index -> index(definition, index)).toList());
        }
        return table.build();
    }

    private static GlobalSecondaryIndexPropsV2 index(CreateTableRequest table, GlobalSecondaryIndex index) {
        var props = GlobalSecondaryIndexPropsV2.builder()
            .indexName(index.indexName())
            .partitionKey(key(table, index.keySchema(), KeyType.HASH))
            .projectionType(ProjectionType.valueOf(index.projection().projectionTypeAsString()));
        Attribute sortKey = key(table, index.keySchema(), KeyType.RANGE);
        if (sortKey != null) {
            props.sortKey(sortKey);
        }
        return props.build();
    }

    private static Attribute key(CreateTableRequest table, List<KeySchemaElement> schema, KeyType type) {
        return schema.stream()
            .filter(element -> element.keyType() == type)
            .findFirst()
            .map(element -> Attribute.builder()
                .name(element.attributeName())
                .type(attributeType(table, element.attributeName()))
                .build())
            .orElse(null);
    }

    private static AttributeType attributeType(CreateTableRequest table, String attribute) {
        String type = table.attributeDefinitions()
            .stream()
            .filter(definition -> definition.attributeName().equals(attribute))
            .map(AttributeDefinition::attributeTypeAsString)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                    "Table " + table.tableName() + " defines no type for key attribute " + attribute));
        return switch (type) {
            case "S" -> AttributeType.STRING;
            case "N" -> AttributeType.NUMBER;
            case "B" -> AttributeType.BINARY;
            default -> throw new IllegalStateException("Unknown attribute type " + type);
        };
    }

}
