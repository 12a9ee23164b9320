package dev.appointments.dynamodb.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static dev.appointments.dynamodb.conformance.Attributes.b;
import static dev.appointments.dynamodb.conformance.Attributes.bool;
import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.B;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * Query on a table and on global secondary indexes. The table holds partition "p" with
 * sort keys a1, a2, b1, b2, c1 (written out of order; a1 and b2 have keep = true) and
 * partition "q" with a1.
 */
@ExtendWith(ConformanceEndpoint.class)
class QueryConformanceTests {

    private static final List<String> SORT_KEYS = List.of("a1", "a2", "b1", "b2", "c1");

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    QueryConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("Query returns every item of the partition, in ascending sort key order")
    void returnsThePartitionInSortKeyOrder() {
        String table = sortedTable();

        QueryResponse response = dynamo.query(partition(table).build());

        assertThat(sortKeys(response)).containsExactlyElementsOf(SORT_KEYS);
        assertThat(response.count()).isEqualTo(5);
        assertThat(response.scannedCount()).isEqualTo(5);
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sk = :v                 | b1 | b1
            sk < :v                 | b1 | a1 a2
            sk <= :v                | b1 | a1 a2 b1
            sk > :v                 | b1 | b2 c1
            sk >= :v                | b1 | b1 b2 c1
            begins_with(sk, :v)     | b  | b1 b2
            begins_with ( sk, :v )  | a  | a1 a2
            """)
    @DisplayName("A key condition may compare the sort key with =, <, <=, >, >= or begins_with")
    void narrowsBySortKey(String sortKeyCondition, String value, String expected) {
        String table = sortedTable();

        QueryResponse response = dynamo.query(request -> request.tableName(table)
            .consistentRead(true)
            .keyConditionExpression("pk = :p AND " + sortKeyCondition)
            .expressionAttributeValues(values(":p", s("p"), ":v", s(value))));

        assertThat(sortKeys(response)).containsExactly(expected.split(" "));
    }

    @Test
    @DisplayName("sk BETWEEN :a AND :b: greater than or equal to the first value, less than or equal to the second")
    void narrowsBySortKeyRange() {
        String table = sortedTable();

        QueryResponse response = dynamo.query(request -> request.tableName(table)
            .consistentRead(true)
            .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
            .expressionAttributeValues(values(":p", s("p"), ":lo", s("a2"), ":hi", s("b2"))));

        assertThat(sortKeys(response)).containsExactly("a2", "b1", "b2");
    }

    @Test
    @DisplayName("String sort keys are ordered by their UTF-8 bytes, binary sort keys by unsigned bytes")
    void ordersByBytes() {
        String strings = tables.withPartitionAndSortKey("pk", S, "sk", S);
        for (String key : List.of("a", "\uFF21", "B", "\uD83D\uDE00", "\u00E9", "Z")) {
            dynamo.putItem(request -> request.tableName(strings).item(item("pk", s("p"), "sk", s(key))));
        }
        String binaries = tables.withPartitionAndSortKey("pk", S, "sk", B);
        for (int key : new int[] { 0xFF, 0x01, 0x80, 0x7F }) {
            dynamo.putItem(request -> request.tableName(binaries).item(item("pk", s("p"), "sk", b(key))));
        }

        assertThat(sortKeys(dynamo.query(partition(strings).build()))).containsExactly("B", "Z", "a", "\u00E9",
                "\uFF21", "\uD83D\uDE00");
        assertThat(dynamo.query(partition(binaries).build()).items()).extracting(found -> found.get("sk"))
            .containsExactly(b(0x01), b(0x7F), b(0x80), b(0xFF));
    }

    @Test
    @DisplayName("ScanIndexForward false returns the items in descending sort key order")
    void readsBackwards() {
        String table = sortedTable();

        QueryResponse response = dynamo.query(partition(table).scanIndexForward(false).build());

        assertThat(sortKeys(response)).containsExactly("c1", "b2", "b1", "a2", "a1");
    }

    @Test
    @DisplayName("A filter expression is applied after the key condition: Count after it, ScannedCount before it")
    void filtersAfterTheKeyCondition() {
        String table = sortedTable();

        QueryResponse response = dynamo.query(partition(table).filterExpression("keep = :yes")
            .expressionAttributeValues(values(":p", s("p"), ":yes", bool(true)))
            .build());

        assertThat(sortKeys(response)).containsExactly("a1", "b2");
        assertThat(response.count()).isEqualTo(2);
        assertThat(response.scannedCount()).isEqualTo(5);
    }

    @Test
    @DisplayName("Limit: DynamoDB reads up to Limit items, then returns only those that match the filter expression")
    void limitCountsItemsBeforeTheFilter() {
        String table = sortedTable();

        QueryResponse response = dynamo.query(partition(table).limit(3)
            .filterExpression("keep = :yes")
            .expressionAttributeValues(values(":p", s("p"), ":yes", bool(true)))
            .build());

        assertThat(sortKeys(response)).containsExactly("a1");
        assertThat(response.count()).isEqualTo(1);
        assertThat(response.scannedCount()).isEqualTo(3);
        assertThat(response.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", s("b1")));
    }

    @Test
    @DisplayName("LastEvaluatedKey passed as ExclusiveStartKey continues the query: every item once, then no key")
    void pagesWithLastEvaluatedKey() {
        String table = sortedTable();

        List<List<String>> pages = pages(partition(table).limit(2));

        assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(SORT_KEYS);
        assertThat(pages.get(0)).containsExactly("a1", "a2");
        assertThat(pages.get(1)).containsExactly("b1", "b2");
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
    }

    @Test
    @DisplayName("Pagination works backwards too, with ScanIndexForward false")
    void pagesBackwards() {
        String table = sortedTable();

        List<List<String>> pages = pages(partition(table).limit(2).scanIndexForward(false));

        assertThat(pages.stream().flatMap(List::stream)).containsExactly("c1", "b2", "b1", "a2", "a1");
    }

    @Test
    @DisplayName("Select COUNT returns the number of matching items, not the items")
    void countsWithoutReturningItems() {
        String table = sortedTable();

        QueryResponse all = dynamo.query(partition(table).select(Select.COUNT).build());
        QueryResponse kept = dynamo.query(partition(table).select(Select.COUNT)
            .filterExpression("keep = :yes")
            .expressionAttributeValues(values(":p", s("p"), ":yes", bool(true)))
            .build());

        assertThat(all.count()).isEqualTo(5);
        assertThat(all.hasItems()).isFalse();
        assertThat(kept.count()).isEqualTo(2);
        assertThat(kept.scannedCount()).isEqualTo(5);
    }

    @Test
    @DisplayName("ValidationException: the key condition must test the partition key for equality")
    void refusesAKeyConditionWithoutPartitionKeyEquality() {
        String table = sortedTable();

        assertRefusedAsInvalid(() -> query(table, "sk = :v", ":v", s("a1")));
        assertRefusedAsInvalid(() -> query(table, "pk < :p", ":p", s("p")));
        assertRefusedAsInvalid(() -> query(table, "pk = :p OR sk = :v", ":p", s("p"), ":v", s("a1")));
        assertRefusedAsInvalid(() -> query(table, "pk = :p AND sk <> :v", ":p", s("p"), ":v", s("a1")));
    }

    @Test
    @DisplayName("ValidationException: a key condition may only name key attributes")
    void refusesNonKeyAttributesInTheKeyCondition() {
        String table = sortedTable();

        assertRefusedAsInvalid(() -> query(table, "pk = :p AND keep = :yes", ":p", s("p"), ":yes", bool(true)));
    }

    @Test
    @DisplayName("ValidationException: a filter expression cannot contain partition key or sort key attributes")
    void refusesKeyAttributesInTheFilter() {
        String table = sortedTable();

        assertRefusedAsInvalid(() -> dynamo.query(partition(table).filterExpression("sk = :v")
            .expressionAttributeValues(values(":p", s("p"), ":v", s("a1")))
            .build()));
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> query(missing, "pk = :p", ":p", s("p"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("A global secondary index with projection ALL returns whole items, in index sort key order")
    void queriesAnIndexProjectingEverything() {
        IndexedTable table = IndexedTable.create(tables, dynamo);

        assertThat(queryIndex(table, IndexedTable.ALL, "alice", 2).items()).containsExactly(IndexedTable.FIRST,
                IndexedTable.SECOND);
    }

    @Test
    @DisplayName("KEYS_ONLY: only the index and primary keys are projected into the index")
    void queriesAnIndexProjectingKeysOnly() {
        IndexedTable table = IndexedTable.create(tables, dynamo);

        assertThat(queryIndex(table, IndexedTable.KEYS_ONLY, "alice", 2).items()).containsExactly(
                item("pk", s("i1"), "author", s("alice"), "created", n(1)),
                item("pk", s("i2"), "author", s("alice"), "created", n(2)));
    }

    @Test
    @DisplayName("INCLUDE: the keys and the specified non-key attributes are projected into the index")
    void queriesAnIndexProjectingIncludedAttributes() {
        IndexedTable table = IndexedTable.create(tables, dynamo);

        assertThat(queryIndex(table, IndexedTable.INCLUDE, "alice", 2).items()).containsExactly(
                item("pk", s("i1"), "author", s("alice"), "created", n(1), "note", s("n1")),
                item("pk", s("i2"), "author", s("alice"), "created", n(2), "note", s("n2")));
    }

    @Test
    @DisplayName("Index keys need not be unique: items with the same index key values are all returned")
    void indexKeysNeedNotBeUnique() {
        IndexedTable table = IndexedTable.create(tables, dynamo);
        Map<String, AttributeValue> twin = item("pk", s("i5"), "author", s("bob"), "created", n(3));
        dynamo.putItem(request -> request.tableName(table.name()).item(twin));

        assertThat(queryIndex(table, IndexedTable.KEYS_ONLY, "bob", 2).items()).containsExactlyInAnyOrder(twin,
                item("pk", s("i3"), "author", s("bob"), "created", n(3)));
    }

    @Test
    @DisplayName("Sparse index: an item loses its place in the index when it loses the index key attribute")
    void itemsWithoutTheIndexKeyLeaveTheIndex() {
        IndexedTable table = IndexedTable.create(tables, dynamo);

        dynamo.updateItem(
                request -> request.tableName(table.name()).key(item("pk", s("i2"))).updateExpression("REMOVE author"));

        assertThat(queryIndex(table, IndexedTable.ALL, "alice", 1).items()).containsExactly(IndexedTable.FIRST);
    }

    @Test
    @DisplayName("On an index, LastEvaluatedKey holds the index key and the table's primary key")
    void pagesThroughAnIndex() {
        IndexedTable table = IndexedTable.create(tables, dynamo);
        queryIndex(table, IndexedTable.ALL, "alice", 2);

        QueryResponse first = dynamo.query(indexQuery(table, IndexedTable.ALL, "alice").limit(1).build());
        QueryResponse second = dynamo.query(indexQuery(table, IndexedTable.ALL, "alice").limit(1)
            .exclusiveStartKey(first.lastEvaluatedKey())
            .build());

        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", s("i1"), "author", s("alice"), "created", n(1)));
        assertThat(first.items()).containsExactly(IndexedTable.FIRST);
        assertThat(second.items()).containsExactly(IndexedTable.SECOND);
    }

    @Test
    @DisplayName("ValidationException: strongly consistent reads are not supported on global secondary indexes")
    void refusesConsistentReadsOnAnIndex() {
        IndexedTable table = IndexedTable.create(tables, dynamo);

        assertRefusedAsInvalid(
                () -> dynamo.query(indexQuery(table, IndexedTable.ALL, "alice").consistentRead(true).build()));
    }

    @Test
    @DisplayName("ValidationException: the table does not have the specified index")
    void refusesAMissingIndex() {
        IndexedTable table = IndexedTable.create(tables, dynamo);

        assertRefusedAsInvalid(() -> dynamo.query(indexQuery(table, "no-such-index", "alice").build()));
    }

    /**
     * Partition p: sort keys a1..c1 written out of order, keep = true on a1 and b2;
     * partition q: a1.
     */
    private String sortedTable() {
        String table = tables.withPartitionAndSortKey("pk", S, "sk", S);
        for (String sortKey : List.of("b2", "a1", "c1", "a2", "b1")) {
            Map<String, AttributeValue> written = item("pk", s("p"), "sk", s(sortKey), "keep",
                    bool(sortKey.equals("a1") || sortKey.equals("b2")));
            dynamo.putItem(request -> request.tableName(table).item(written));
        }
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("q"), "sk", s("a1"))));
        return table;
    }

    private static QueryRequest.Builder partition(String table) {
        return QueryRequest.builder()
            .tableName(table)
            .consistentRead(true)
            .keyConditionExpression("pk = :p")
            .expressionAttributeValues(values(":p", s("p")));
    }

    private QueryResponse query(String table, String keyCondition, Object... placeholdersAndValues) {
        return dynamo.query(request -> request.tableName(table)
            .keyConditionExpression(keyCondition)
            .expressionAttributeValues(values(placeholdersAndValues)));
    }

    private List<List<String>> pages(QueryRequest.Builder request) {
        List<List<String>> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(request.exclusiveStartKey(start).build());
            pages.add(sortKeys(page));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        }
        while (start != null && pages.size() < 10);
        return pages;
    }

    private static QueryRequest.Builder indexQuery(IndexedTable table, String index, String author) {
        return QueryRequest.builder()
            .tableName(table.name())
            .indexName(index)
            .keyConditionExpression("author = :a")
            .expressionAttributeValues(values(":a", s(author)));
    }

    /**
     * Index reads are eventually consistent: read until the expected number of items
     * shows.
     */
    private QueryResponse queryIndex(IndexedTable table, String index, String author, int expected) {
        return Eventually.read(() -> dynamo.query(indexQuery(table, index, author).build()),
                response -> response.count() == expected);
    }

    private static List<String> sortKeys(QueryResponse response) {
        return response.items().stream().map(found -> found.get("sk").s()).toList();
    }

}
