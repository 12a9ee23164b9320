package dev.appointments.engines;

import java.util.Map;

import dev.appointments.resources.QueueDefinition;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the system's queues (each with its dead-letter queue and redrive policy) and
 * tables on the local engines. Running it again changes nothing.
 */
public final class ResourceProvisioner {

    private final SqsClient sqs;

    private final DynamoDbClient dynamoDb;

    public ResourceProvisioner(SqsClient sqs, DynamoDbClient dynamoDb) {
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
    }

    public void createAll(int maxReceiveCount) {
        Queues.all(maxReceiveCount).forEach(this::createQueue);
        Tables.all().forEach(this::createTable);
        // Outcomes, notification records and timers expire; the engine's sweep deletes
        // them as DynamoDB would.
        Tables.enableTimeToLive(dynamoDb);
    }

    /** Creates the queue and its dead-letter queue, and returns the queue's URL. */
    public String createQueue(QueueDefinition queue) {
        String dlqUrl = sqs.createQueue(request -> request.queueName(queue.deadLetterQueueName())
            .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                    Long.toString(QueueDefinition.DLQ_RETENTION.toSeconds()))))
            .queueUrl();
        String dlqArn = sqs
            .getQueueAttributes(request -> request.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + queue.maxReceiveCount() + "\"}";
        Map<QueueAttributeName, String> attributes = Map.of(QueueAttributeName.REDRIVE_POLICY, redrivePolicy,
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(queue.visibilityTimeout().toSeconds()));
        String url = sqs.createQueue(request -> request.queueName(queue.name())).queueUrl();
        sqs.setQueueAttributes(request -> request.queueUrl(url).attributes(attributes));
        return url;
    }

    /**
     * Creates the table, or, when an earlier run created it (the local run keeps its
     * data), adds the indexes that the current definition has and the stored table lacks.
     */
    public void createTable(CreateTableRequest table) {
        try {
            dynamoDb.createTable(table);
        }
        catch (ResourceInUseException alreadyThere) {
            addMissingIndexes(table);
        }
    }

    private void addMissingIndexes(CreateTableRequest table) {
        var existing = dynamoDb.describeTable(request -> request.tableName(table.tableName()))
            .table()
            .globalSecondaryIndexes()
            .stream()
            .map(index -> index.indexName())
            .toList();
        for (var index : table.globalSecondaryIndexes()) {
            if (!existing.contains(index.indexName())) {
                dynamoDb.updateTable(request -> request.tableName(table.tableName())
                    .attributeDefinitions(table.attributeDefinitions())
                    .globalSecondaryIndexUpdates(update -> update.create(create -> create.indexName(index.indexName())
                        .keySchema(index.keySchema())
                        .projection(index.projection()))));
            }
        }
    }

    /**
     * Deletes and creates every table again: tests that need an empty database use it.
     */
    public void recreateTables() {
        for (CreateTableRequest table : Tables.all()) {
            try {
                dynamoDb.deleteTable(request -> request.tableName(table.tableName()));
            }
            catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException absent) {
                // Nothing to delete.
            }
            createTable(table);
        }
        Tables.enableTimeToLive(dynamoDb);
    }

}
