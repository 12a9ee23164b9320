package dev.appointments.reminder.store;

import java.time.Clock;

import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stores the service reads appointments, patients and providers from, and the clock all its decisions use (tests
 * replace it to drive due times without sleeping).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DynamoDbCalls dynamoDbCalls() {
        return new RetryingDynamoDbCalls(4);
    }

    @Bean
    Appointments appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Appointments(dynamoDb, calls);
    }

    @Bean
    Patients patients(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Patients(dynamoDb, calls);
    }

    @Bean
    Providers providers(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Providers(dynamoDb, calls);
    }
}
