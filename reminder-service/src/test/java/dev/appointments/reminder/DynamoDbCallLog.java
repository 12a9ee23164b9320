package dev.appointments.reminder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * Records every DynamoDB call the service's client makes: operation, table and the thread
 * that made it, so that a test can count the calls its message cost on the listener
 * threads, apart from its own reads and the timer poller.
 */
final class DynamoDbCallLog implements ExecutionInterceptor {

    /** One call. */
    record Call(String operation, String table, String thread) {

        @Override
        public String toString() {
            return operation + " " + table;
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String table = request instanceof BatchWriteItemRequest batch ? String.join(",", batch.requestItems().keySet())
                : request.getValueForField("TableName", String.class).orElse("");
        calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), table,
                Thread.currentThread().getName()));
    }

    /**
     * The calls made so far by the consumer of appointment-reminders (not the test, not
     * the timer poller).
     */
    List<Call> byConsumer() {
        return calls.stream()
            .filter(call -> !call.thread().equals("durable-timers") && !call.thread().equals("main")
                    && !call.thread().startsWith("awaitility") && !call.operation().equals("Query"))
            .toList();
    }

    void clear() {
        calls.clear();
    }

}
