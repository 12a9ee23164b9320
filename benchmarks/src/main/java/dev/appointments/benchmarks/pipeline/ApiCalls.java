package dev.appointments.benchmarks.pipeline;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import dev.appointments.resources.Tables;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Counts every AWS SDK call made in this JVM, by who made it and which operation, and
 * tells {@link #commits} when a service's write has recorded an outcome or confirmed an
 * appointment. It is a global interceptor (listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so it sees the
 * services' own clients without a line of service code; the harnesses mark their clients
 * with {@link #CALLER}.
 * <p>
 * A call of a service is put to the stage whose listener thread made it; receives and
 * deletes, made by the listener containers' own threads, to the stage that consumes the
 * queue; anything else (timer pollers, queue gauges, health checks, web requests) to
 * {@code other}.
 */
public final class ApiCalls implements ExecutionInterceptor {

    /** Set on a harness's clients, so that their calls count apart from the services'. */
    static final ExecutionAttribute<String> CALLER = new ExecutionAttribute<>("benchmark-caller");

    static final String REQUEST_STAGE = "request-service";
    static final String CONFIRMATION_STAGE = "confirmation-service";
    static final String REMINDER_STAGE = "reminder-service";
    static final String OTHER = "other";

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private static volatile Commits commits = Commits.NONE;

    /** What the benchmark learns from the services' successful writes. */
    interface Commits {

        Commits NONE = new Commits() {
        };

        default void outcomeRecorded(String requestId, String status, String appointmentId, long nanos) {
        }

        default void appointmentConfirmed(String appointmentId, long nanos) {
        }

    }

    static void listen(Commits listener) {
        commits = listener;
    }

    /**
     * Calls so far, keyed {@code caller service operation:target}, e.g.
     * {@code request-service DynamoDb
     * GetItem:providers}: the target is the table (tables of a transaction joined by +)
     * or the queue.
     */
    static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String caller = attributes.getAttribute(CALLER);
        if (caller == null) {
            caller = stageOf(context.request(), Thread.currentThread().getName());
        }
        String target = targetOf(context.request());
        String label = target == null ? operation : operation + ":" + target;
        COUNTS.computeIfAbsent(caller + " " + service + " " + label, key -> new LongAdder()).increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(CALLER) != null) {
            return;
        }
        long now = System.nanoTime();
        switch (context.request()) {
            case TransactWriteItemsRequest transaction -> transaction.transactItems().forEach(item -> {
                if (item.put() != null) {
                    written(item.put().tableName(), item.put().item(), now);
                }
                if (item.update() != null && item.update().expressionAttributeValues() != null) {
                    updated(item.update().tableName(), item.update().key(), item.update().expressionAttributeValues(),
                            now);
                }
            });
            case PutItemRequest put -> written(put.tableName(), put.item(), now);
            case UpdateItemRequest update when update.expressionAttributeValues() != null ->
                updated(update.tableName(), update.key(), update.expressionAttributeValues(), now);
            default -> {
            }
        }
    }

    private static void written(String table, Map<String, AttributeValue> item, long nanos) {
        if (Tables.RequestOutcomes.NAME.equals(table)) {
            commits.outcomeRecorded(string(item, "requestId"), string(item, "status"), string(item, "appointmentId"),
                    nanos);
        }
        else if (Tables.Appointments.NAME.equals(table) && "CONFIRMED".equals(string(item, "status"))) {
            commits.appointmentConfirmed(string(item, "appointmentId"), nanos);
        }
    }

    /**
     * An update that sets any attribute to CONFIRMED: a confirmation written without
     * rewriting the whole item.
     */
    private static void updated(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> values,
            long nanos) {
        if (Tables.Appointments.NAME.equals(table)
                && values.values().stream().anyMatch(value -> "CONFIRMED".equals(value.s()))) {
            commits.appointmentConfirmed(string(key, "appointmentId"), nanos);
        }
    }

    private static String targetOf(Object request) {
        return switch (request) {
            case GetItemRequest get -> get.tableName();
            case PutItemRequest put -> put.tableName();
            case UpdateItemRequest update -> update.tableName();
            case DeleteItemRequest delete -> delete.tableName();
            case QueryRequest query -> query.tableName();
            case TransactWriteItemsRequest transaction -> transaction.transactItems()
                .stream()
                .map(item -> item.put() != null ? item.put().tableName()
                        : item.update() != null ? item.update().tableName()
                                : item.delete() != null ? item.delete().tableName() : item.conditionCheck().tableName())
                .collect(Collectors.joining("+"));
            case SendMessageRequest send -> queueName(send.queueUrl());
            case SendMessageBatchRequest send -> queueName(send.queueUrl());
            case ReceiveMessageRequest receive -> queueName(receive.queueUrl());
            case DeleteMessageBatchRequest delete -> queueName(delete.queueUrl());
            default -> null;
        };
    }

    private static String queueName(String queueUrl) {
        return queueUrl == null ? null : queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null ? null : value.s();
    }

    private static String stageOf(Object request, String thread) {
        String queueUrl = switch (request) {
            case ReceiveMessageRequest receive -> receive.queueUrl();
            case DeleteMessageBatchRequest delete -> delete.queueUrl();
            case DeleteMessageRequest delete -> delete.queueUrl();
            case ChangeMessageVisibilityBatchRequest change -> change.queueUrl();
            case ChangeMessageVisibilityRequest change -> change.queueUrl();
            default -> null;
        };
        if (queueUrl != null) {
            return queueUrl.endsWith("/appointment-requests") ? REQUEST_STAGE
                    : queueUrl.endsWith("/appointment-confirmations") ? CONFIRMATION_STAGE
                            : queueUrl.endsWith("/appointment-reminders") ? REMINDER_STAGE : OTHER;
        }
        // The binder names its listener threads sqs-<binding>-N.
        return thread.startsWith("sqs-appointmentRequests-in-") ? REQUEST_STAGE
                : thread.startsWith("sqs-appointmentConfirmations-in-") ? CONFIRMATION_STAGE
                        : thread.startsWith("sqs-appointmentReminders-in-") ? REMINDER_STAGE : OTHER;
    }

}
