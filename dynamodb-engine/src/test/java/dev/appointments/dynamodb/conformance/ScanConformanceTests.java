package dev.appointments.dynamodb.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * Scan of a table holding items i00..i19, where num is the item's number (even ones are
 * the ones filters keep).
 */
@ExtendWith(ConformanceEndpoint.class)
class ScanConformanceTests {

    private static final int ITEMS = 20;

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    ScanConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("Scan returns every item in the table")
    void returnsEveryItem() {
        String table = numberedTable();

        ScanResponse response = dynamo.scan(scan(table).build());

        assertThat(keys(response)).containsExactlyInAnyOrderElementsOf(allKeys());
        assertThat(response.count()).isEqualTo(ITEMS);
        assertThat(response.scannedCount()).isEqualTo(ITEMS);
    }

    @Test
    @DisplayName("A filter expression discards items after they are read: Count after it, ScannedCount before it")
    void filtersAfterReading() {
        String table = numberedTable();

        ScanResponse response = dynamo.scan(evenOnly(scan(table)).build());

        assertThat(response.items())
            .allSatisfy(found -> assertThat(Integer.parseInt(found.get("num").n()) % 2).isZero());
        assertThat(response.count()).isEqualTo(ITEMS / 2);
        assertThat(response.scannedCount()).isEqualTo(ITEMS);
    }

    @Test
    @DisplayName("Limit and LastEvaluatedKey page through the table: every item exactly once")
    void pagesThroughEveryItem() {
        String table = numberedTable();

        List<ScanResponse> pages = pages(scan(table).limit(7));

        assertThat(pages.stream().flatMap(page -> keys(page).stream())).containsExactlyInAnyOrderElementsOf(allKeys());
        assertThat(pages).allSatisfy(page -> assertThat(page.count()).isLessThanOrEqualTo(7));
        assertThat(pages.get(0).count()).isEqualTo(7);
        assertThat(pages.get(0).lastEvaluatedKey()).containsOnlyKeys("pk");
    }

    @Test
    @DisplayName("Limit is the number of items evaluated, before the filter; the pages together hold every match")
    void limitCountsItemsBeforeTheFilter() {
        String table = numberedTable();

        List<ScanResponse> pages = pages(evenOnly(scan(table)).limit(5));

        assertThat(pages.subList(0, 4)).allSatisfy(page -> assertThat(page.scannedCount()).isEqualTo(5));
        assertThat(pages.stream().mapToInt(ScanResponse::count).sum()).isEqualTo(ITEMS / 2);
        assertThat(pages.stream().flatMap(page -> keys(page).stream()))
            .containsExactlyInAnyOrderElementsOf(keys(i -> i % 2 == 0));
    }

    @Test
    @DisplayName("Select COUNT returns the number of matching items, not the items")
    void countsWithoutReturningItems() {
        String table = numberedTable();

        ScanResponse response = dynamo.scan(evenOnly(scan(table)).select(Select.COUNT).build());

        assertThat(response.count()).isEqualTo(ITEMS / 2);
        assertThat(response.scannedCount()).isEqualTo(ITEMS);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    @DisplayName("Parallel scan: the segments of TotalSegments together return every item, each exactly once")
    void segmentsPartitionTheTable() {
        String table = numberedTable();
        List<String> seen = new ArrayList<>();

        for (int segment = 0; segment < 3; segment++) {
            int current = segment;
            pages(scan(table).segment(current).totalSegments(3)).forEach(page -> seen.addAll(keys(page)));
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(allKeys());
    }

    @Test
    @DisplayName("ValidationException: Segment needs TotalSegments, and must be less than it")
    void refusesInvalidSegments() {
        String table = numberedTable();

        assertRefusedAsInvalid(() -> dynamo.scan(scan(table).segment(0).build()));
        assertRefusedAsInvalid(() -> dynamo.scan(scan(table).segment(3).totalSegments(3).build()));
    }

    @Test
    @DisplayName("Scanning a sparse index returns only the items that have its key attributes")
    void scansASparseIndex() {
        IndexedTable table = IndexedTable.create(tables, dynamo);

        ScanResponse response = Eventually.read(
                () -> dynamo.scan(request -> request.tableName(table.name()).indexName(IndexedTable.KEYS_ONLY)),
                scanned -> scanned.count() == 3);

        Set<String> found = new HashSet<>();
        response.items().forEach(indexed -> found.add(indexed.get("pk").s()));
        assertThat(found).containsExactlyInAnyOrder("i1", "i2", "i3");
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.scan(request -> request.tableName(missing)))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    private String numberedTable() {
        String table = tables.withPartitionKey("pk", S);
        IntStream.range(0, ITEMS)
            .forEach(i -> dynamo.putItem(
                    request -> request.tableName(table).item(item("pk", s(String.format("i%02d", i)), "num", n(i)))));
        return table;
    }

    private static List<String> allKeys() {
        return keys(i -> true);
    }

    private static List<String> keys(IntPredicate numbers) {
        return IntStream.range(0, ITEMS).filter(numbers).mapToObj(i -> String.format("i%02d", i)).toList();
    }

    private static ScanRequest.Builder scan(String table) {
        return ScanRequest.builder().tableName(table).consistentRead(true);
    }

    private static ScanRequest.Builder evenOnly(ScanRequest.Builder request) {
        return request.filterExpression("num IN (:0, :2, :4, :6, :8, :10, :12, :14, :16, :18)")
            .expressionAttributeValues(values(":0", n(0), ":2", n(2), ":4", n(4), ":6", n(6), ":8", n(8), ":10", n(10),
                    ":12", n(12), ":14", n(14), ":16", n(16), ":18", n(18)));
    }

    private List<ScanResponse> pages(ScanRequest.Builder request) {
        List<ScanResponse> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = dynamo.scan(request.exclusiveStartKey(start).build());
            pages.add(page);
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        }
        while (start != null && pages.size() < 50);
        return pages;
    }

    private static List<String> keys(ScanResponse response) {
        return response.items().stream().map(found -> found.get("pk").s()).toList();
    }

}
