package dev.appointments.reminder.notification;

import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.autoconfigure.RetentionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The notifications table's store.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Notifications notifications(DynamoDbClient dynamoDb, DynamoDbCalls calls, RetentionProperties retention) {
        return new Notifications(dynamoDb, calls, retention.notifications());
    }

}
