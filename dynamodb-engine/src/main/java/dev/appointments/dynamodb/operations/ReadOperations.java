package dev.appointments.dynamodb.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import dev.appointments.dynamodb.expression.ConditionExpression;
import dev.appointments.dynamodb.expression.KeyCondition;
import dev.appointments.dynamodb.expression.ProjectionExpression;
import dev.appointments.dynamodb.storage.Database;
import dev.appointments.dynamodb.storage.IndexDefinition;
import dev.appointments.dynamodb.storage.KeySchema;
import dev.appointments.dynamodb.storage.PrimaryKey;
import dev.appointments.dynamodb.storage.RangeEntry;
import dev.appointments.dynamodb.storage.Table;
import dev.appointments.dynamodb.value.AttributeJson;
import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Query and Scan, on a table or one of its indexes, with filters, projections and
 * pagination.
 */
final class ReadOperations {

    /** A page stops once it has read this much, as DynamoDB's do. */
    private static final long PAGE_BYTES = 1024 * 1024;

    private final Database database;

    ReadOperations(Database database) {
        this.database = database;
    }

    ObjectNode query(Request request) {
        Source source = source(request);
        String keyText = request.string("KeyConditionExpression")
            .orElseThrow(() -> DynamoDbError.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."));
        KeySchema schema = source.keySchema();
        KeyCondition key = KeyCondition.parse(keyText, request.expressions(), schema.hashName(), schema.rangeName());
        Page page = page(request, source);
        request.condition("FilterExpression")
            .ifPresent(filter -> filter.topLevelAttributes()
                .stream()
                .filter(schema::isKeyAttribute)
                .findFirst()
                .ifPresent(name -> {
                    throw DynamoDbError.validation("Filter Expression can only contain non-primary key attributes: "
                            + "Primary key attribute: " + name);
                }));
        if (!key.hashValue().type().equals(schema.hashType()) || key.range()
            .map(range -> !range.value().type().equals(schema.rangeType())
                    || (range.upperValue() != null && !range.upperValue().type().equals(schema.rangeType())))
            .orElse(false)) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Condition parameter type does "
                    + "not match schema type");
        }
        Optional<KeyCondition.RangeCondition> range = key.range();
        boolean forward = !request.node().has("ScanIndexForward") || request.bool("ScanIndexForward");
        NavigableMap<RangeEntry, ?> partition = source.partition(key.hashValue());
        NavigableMap<RangeEntry, ?> view;
        if (forward) {
            Value lower = range.map(ReadOperations::lowerBound).orElse(null);
            view = page.start != null ? partition.tailMap(page.start.entry(), false)
                    : lower != null ? partition.tailMap(new RangeEntry(lower, null), true) : partition;
        }
        else {
            view = page.start != null ? partition.headMap(page.start.entry(), false).descendingMap()
                    : partition.descendingMap();
        }
        for (var entry : view.entrySet()) {
            Value sortKey = entry.getKey().range();
            if (range.isPresent() && !range.get().matches(sortKey)) {
                if (pastEnd(range.get(), sortKey, forward)) {
                    break;
                }
                continue;
            }
            if (!page.offer(source, key.hashValue(), entry.getKey(), entry.getValue())) {
                break;
            }
        }
        return page.response(source);
    }

    ObjectNode scan(Request request) {
        Source source = source(request);
        Page page = page(request, source);
        int segment = request.integer("Segment").orElse(0);
        int totalSegments = request.integer("TotalSegments").orElse(1);
        if (request.node().has("Segment") != request.node().has("TotalSegments") || totalSegments < 1
                || totalSegments > 1_000_000 || segment < 0 || segment >= totalSegments) {
            throw DynamoDbError.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
        var partitions = source.partitionsFrom(page.start == null ? null : page.start.hash());
        scanning: for (var partition : partitions.entrySet()) {
            if (totalSegments > 1 && Math.floorMod(partition.getKey().hashCode(), totalSegments) != segment) {
                continue;
            }
            NavigableMap<RangeEntry, ?> entries = partition.getValue();
            if (page.start != null && partition.getKey().equals(page.start.hash())) {
                entries = entries.tailMap(page.start.entry(), false);
            }
            for (var entry : entries.entrySet()) {
                if (!page.offer(source, partition.getKey(), entry.getKey(), entry.getValue())) {
                    break scanning;
                }
            }
        }
        return page.response(source);
    }

    private Source source(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        Optional<String> indexName = request.string("IndexName");
        if (indexName.isEmpty()) {
            return new Source(table, null);
        }
        IndexDefinition index = table.definition()
            .index(indexName.get())
            .orElseThrow(
                    () -> DynamoDbError.validation("The table does not have the specified index: " + indexName.get()));
        if (!index.local() && request.bool("ConsistentRead")) {
            throw DynamoDbError.validation("Consistent reads are not supported on global secondary indexes");
        }
        return new Source(table, index);
    }

    private Page page(Request request, Source source) {
        Optional<ConditionExpression> filter = request.condition("FilterExpression");
        Optional<ProjectionExpression> projection = request.projection();
        request.requireExpressionsUsed(true);
        String select = request.string("Select")
            .orElse(projection.isPresent() ? "SPECIFIC_ATTRIBUTES"
                    : source.index() == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES");
        if (projection.isPresent() && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbError.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        if (select.equals("ALL_ATTRIBUTES") && source.index() != null && !source.index().local()
                && !source.index().projectionType().equals("ALL")) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is "
                    + "not supported for global secondary index " + source.index().name()
                    + " because its projection type is not ALL");
        }
        Optional<Integer> limit = request.integer("Limit");
        if (limit.isPresent() && limit.get() < 1) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + limit.get() + "' at 'limit' "
                    + "failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        Optional<Map<String, Value>> start = request.optionalItem("ExclusiveStartKey");
        return new Page(request, filter, projection, select.equals("COUNT"), limit.orElse(Integer.MAX_VALUE),
                start.map(source::startKey).orElse(null));
    }

    private static Value lowerBound(KeyCondition.RangeCondition range) {
        return switch (range.operator()) {
            case EQ, GT, GE, BETWEEN, BEGINS_WITH -> range.value();
            default -> null;
        };
    }

    /** True once no later entry in the direction of reading can match. */
    private static boolean pastEnd(KeyCondition.RangeCondition range, Value sortKey, boolean forward) {
        if (!dev.appointments.dynamodb.value.Values.comparable(sortKey, range.value())) {
            return false;
        }
        int toValue = dev.appointments.dynamodb.value.Values.compare(sortKey, range.value());
        if (forward) {
            return switch (range.operator()) {
                case EQ, LE -> toValue > 0;
                case LT -> toValue >= 0;
                case BETWEEN -> dev.appointments.dynamodb.value.Values.compare(sortKey, range.upperValue()) > 0;
                case BEGINS_WITH -> toValue > 0;
                default -> false;
            };
        }
        return switch (range.operator()) {
            case EQ, GE, BETWEEN, BEGINS_WITH -> toValue < 0;
            case GT -> toValue <= 0;
            default -> false;
        };
    }

    /** Where a page starts: after this entry of this partition. */
    record StartKey(Value hash, RangeEntry entry) {
    }

    /** The table or index a read goes through. */
    record Source(Table table, IndexDefinition index) {

        KeySchema keySchema() {
            return index == null ? table.definition().keySchema() : index.keySchema();
        }

        NavigableMap<RangeEntry, ?> partition(Value hash) {
            return index == null ? table.items().partition(hash) : table.index(index.name()).partition(hash);
        }

        NavigableMap<Value, ? extends NavigableMap<RangeEntry, ?>> partitionsFrom(Value hash) {
            return index == null ? table.items().partitionsFrom(hash) : table.index(index.name()).partitionsFrom(hash);
        }

        /**
         * The item an entry stands for, as this source shows it (an index shows its
         * projection).
         */
        Map<String, Value> item(Value hash, RangeEntry entry, Object value) {
            if (index == null) {
                @SuppressWarnings("unchecked")
                Map<String, Value> item = (Map<String, Value>) value;
                return item;
            }
            Map<String, Value> item = table.get((PrimaryKey) value);
            if (item == null || index.projectionType().equals("ALL")) {
                return item;
            }
            Map<String, Value> projected = new LinkedHashMap<>();
            item.forEach((name, attribute) -> {
                if (table.definition().keySchema().isKeyAttribute(name) || index.keySchema().isKeyAttribute(name)
                        || (index.projectionType().equals("INCLUDE") && index.nonKeyAttributes().contains(name))) {
                    projected.put(name, attribute);
                }
            });
            return projected;
        }

        /**
         * The LastEvaluatedKey of an entry: the table's key, and the index's key when
         * reading an index.
         */
        Map<String, Value> lastEvaluatedKey(Value hash, RangeEntry entry, Object value) {
            KeySchema tableSchema = table.definition().keySchema();
            if (index == null) {
                return new PrimaryKey(hash, entry.range()).toItem(tableSchema);
            }
            Map<String, Value> key = new LinkedHashMap<>(((PrimaryKey) value).toItem(tableSchema));
            key.put(index.keySchema().hashName(), hash);
            if (index.keySchema().hasRange()) {
                key.put(index.keySchema().rangeName(), entry.range());
            }
            return key;
        }

        StartKey startKey(Map<String, Value> key) {
            KeySchema tableSchema = table.definition().keySchema();
            try {
                PrimaryKey tableKey = new PrimaryKey(require(key, tableSchema.hashName()),
                        tableSchema.hasRange() ? require(key, tableSchema.rangeName()) : null);
                if (index == null) {
                    return new StartKey(tableKey.hash(), new RangeEntry(tableKey.range(), null));
                }
                KeySchema indexSchema = index.keySchema();
                return new StartKey(require(key, indexSchema.hashName()), new RangeEntry(
                        indexSchema.hasRange() ? require(key, indexSchema.rangeName()) : null, tableKey));
            }
            catch (IllegalArgumentException ex) {
                throw DynamoDbError.validation("The provided starting key is invalid: " + ex.getMessage());
            }
        }

        private static Value require(Map<String, Value> key, String name) {
            Value value = key.get(name);
            if (value == null) {
                throw new IllegalArgumentException("The provided key element does not match the schema");
            }
            return value;
        }
    }

    /** The items of one page, counted and cut as DynamoDB cuts pages. */
    private static final class Page {

        private final Request request;

        private final Optional<ConditionExpression> filter;

        private final Optional<ProjectionExpression> projection;

        private final boolean countOnly;

        private final int limit;

        private final StartKey start;

        private final List<Map<String, Value>> items = new ArrayList<>();

        private int count;

        private int scanned;

        private long bytes;

        private Map<String, Value> lastEvaluatedKey;

        Page(Request request, Optional<ConditionExpression> filter, Optional<ProjectionExpression> projection,
                boolean countOnly, int limit, StartKey start) {
            this.request = request;
            this.filter = filter;
            this.projection = projection;
            this.countOnly = countOnly;
            this.limit = limit;
            this.start = start;
        }

        /** Reads one entry; false when the page is full. */
        boolean offer(Source source, Value hash, RangeEntry entry, Object value) {
            Map<String, Value> item = source.item(hash, entry, value);
            if (item == null) {
                return true;
            }
            scanned++;
            bytes += dev.appointments.dynamodb.value.Values.size(item);
            if (filter.isEmpty() || filter.get().test(item)) {
                count++;
                if (!countOnly) {
                    items.add(projection.map(p -> p.project(item)).orElse(item));
                }
            }
            if (scanned >= limit || bytes >= PAGE_BYTES) {
                lastEvaluatedKey = source.lastEvaluatedKey(hash, entry, value);
                return false;
            }
            return true;
        }

        ObjectNode response(Source source) {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            if (!countOnly) {
                ArrayNode array = response.putArray("Items");
                items.forEach(item -> array.add(AttributeJson.writeItem(item)));
            }
            response.put("Count", count);
            response.put("ScannedCount", scanned);
            if (lastEvaluatedKey != null) {
                response.set("LastEvaluatedKey", AttributeJson.writeItem(lastEvaluatedKey));
            }
            ConsumedCapacity.add(response, request, source.table().definition().name(),
                    Math.max(1, bytes / 4096.0 / 2));
            return response;
        }

    }

}
