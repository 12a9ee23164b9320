package dev.appointments.dynamodb.conformance;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.ConformanceTables.definition;
import static dev.appointments.dynamodb.conformance.ConformanceTables.key;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * A table keyed by pk with the same global secondary index (author, created) three times,
 * once per projection type, holding four items: two by alice, one by bob and one without
 * an author, which no index holds.
 */
record IndexedTable(String name) {

    static final String ALL = "by-author-all";
    static final String KEYS_ONLY = "by-author-keys";
    static final String INCLUDE = "by-author-include";

    static final Map<String, AttributeValue> FIRST = item("pk", s("i1"), "author", s("alice"), "created", n(1), "note",
            s("n1"), "extra", s("e1"));
    static final Map<String, AttributeValue> SECOND = item("pk", s("i2"), "author", s("alice"), "created", n(2), "note",
            s("n2"), "extra", s("e2"));
    static final Map<String, AttributeValue> BY_BOB = item("pk", s("i3"), "author", s("bob"), "created", n(3), "note",
            s("n3"));
    static final Map<String, AttributeValue> WITHOUT_AUTHOR = item("pk", s("i4"), "note", s("n4"));

    static IndexedTable create(ConformanceTables tables, DynamoDbClient dynamo) {
        String name = tables.create(table -> table
            .attributeDefinitions(definition("pk", S), definition("author", S), definition("created", N))
            .keySchema(key("pk", KeyType.HASH))
            .globalSecondaryIndexes(index(ALL, ProjectionType.ALL), index(KEYS_ONLY, ProjectionType.KEYS_ONLY),
                    index(INCLUDE, ProjectionType.INCLUDE)));
        for (Map<String, AttributeValue> item : List.of(FIRST, SECOND, BY_BOB, WITHOUT_AUTHOR)) {
            dynamo.putItem(request -> request.tableName(name).item(item));
        }
        return new IndexedTable(name);
    }

    private static GlobalSecondaryIndex index(String name, ProjectionType projection) {
        return GlobalSecondaryIndex.builder()
            .indexName(name)
            .keySchema(key("author", KeyType.HASH), key("created", KeyType.RANGE))
            .projection(builder -> {
                builder.projectionType(projection);
                if (projection == ProjectionType.INCLUDE) {
                    builder.nonKeyAttributes("note");
                }
            })
            .build();
    }
}
