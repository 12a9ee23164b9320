package dev.appointments.dynamodb.operations;

import java.util.Map;
import java.util.function.Function;

import dev.appointments.dynamodb.storage.Database;
import dev.appointments.dynamodb.value.DynamoDbError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of the DynamoDB API this engine serves, by the name a client puts in
 * {@code X-Amz-Target}.
 */
public final class Operations {

    private final Map<String, Function<Request, ObjectNode>> byName;

    public Operations(Database database) {
        TableOperations tables = new TableOperations(database);
        ItemOperations items = new ItemOperations(database);
        ReadOperations reads = new ReadOperations(database);
        BatchOperations batches = new BatchOperations(database);
        Transactions transactions = new Transactions(database);
        this.byName = Map.ofEntries(Map.entry("CreateTable", tables::createTable),
                Map.entry("UpdateTable", tables::updateTable), Map.entry("DeleteTable", tables::deleteTable),
                Map.entry("DescribeTable", tables::describeTable), Map.entry("ListTables", tables::listTables),
                Map.entry("UpdateTimeToLive", tables::updateTimeToLive),
                Map.entry("DescribeTimeToLive", tables::describeTimeToLive), Map.entry("PutItem", items::putItem),
                Map.entry("GetItem", items::getItem), Map.entry("UpdateItem", items::updateItem),
                Map.entry("DeleteItem", items::deleteItem), Map.entry("Query", reads::query),
                Map.entry("Scan", reads::scan), Map.entry("BatchGetItem", batches::batchGetItem),
                Map.entry("BatchWriteItem", batches::batchWriteItem),
                Map.entry("TransactWriteItems", transactions::transactWriteItems),
                Map.entry("TransactGetItems", transactions::transactGetItems));
    }

    /**
     * Runs one operation; failures are thrown as the {@link DynamoDbError} DynamoDB would
     * answer.
     */
    public ObjectNode execute(String operation, JsonNode request) {
        Function<Request, ObjectNode> handler = byName.get(operation);
        if (handler == null) {
            throw new DynamoDbError("UnknownOperationException", 400, "Unknown operation: " + operation);
        }
        return handler.apply(new Request(request));
    }

}
