package dev.appointments.dynamodb.conformance;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class ListTablesConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    ListTablesConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("ListTables returns the names of the tables, page after page")
    void listsTheTables() {
        String first = tables.withPartitionKey("pk", S);
        String second = tables.withPartitionKey("pk", S);

        assertThat(allNames(100)).contains(first, second);
    }

    @Test
    @DisplayName("Limit caps a page; LastEvaluatedTableName is passed as ExclusiveStartTableName for the next one")
    void pagesByLimit() {
        String first = tables.withPartitionKey("pk", S);
        String second = tables.withPartitionKey("pk", S);

        List<String> names = allNames(1);

        assertThat(names).contains(first, second).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("Table names come in ascending order, so that a page resumes after the last name of the one before")
    void listsNamesInOrder() {
        tables.withPartitionKey("pk", S);
        tables.withPartitionKey("pk", S);

        assertThat(allNames(100)).isSorted();
    }

    @Test
    @DisplayName("A deleted table is no longer listed")
    void forgetsDeletedTables() {
        String table = tables.withPartitionKey("pk", S);
        dynamo.deleteTable(request -> request.tableName(table));
        tables.awaitDeleted(table);

        assertThat(allNames(100)).doesNotContain(table);
    }

    private List<String> allNames(int limit) {
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            ListTablesResponse page = dynamo
                .listTables(request -> request.limit(limit).exclusiveStartTableName(exclusiveStart));
            assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(limit);
            names.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        }
        while (start != null);
        return names;
    }

}
