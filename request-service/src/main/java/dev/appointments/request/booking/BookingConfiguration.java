package dev.appointments.request.booking;

import java.time.Clock;

import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stores the booking works on, and the clock it reads the time from.
 */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

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

    @Bean
    Patients patients(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Patients(dynamoDb, calls);
    }

    @Bean
    Providers providers(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Providers(dynamoDb, calls);
    }
}
