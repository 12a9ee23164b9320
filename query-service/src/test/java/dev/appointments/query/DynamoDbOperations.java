package dev.appointments.query;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the name of every DynamoDB operation the service's client sends (GetItem,
 * Query, Scan...).
 */
public final class DynamoDbOperations implements ExecutionInterceptor {

    private final List<String> names = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        names.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public void clear() {
        names.clear();
    }

}
