package dev.appointments.confirmation.lifecycle;

import java.time.Clock;

import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcomes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stores the lifecycle works on, and the clock it reads the time from (tests replace it to drive holds).
 */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Outcomes outcomes(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Outcomes(dynamoDb, calls);
    }

    @Bean
    Appointments appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Appointments(dynamoDb, calls);
    }
}
