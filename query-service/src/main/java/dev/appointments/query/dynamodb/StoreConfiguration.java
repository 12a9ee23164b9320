package dev.appointments.query.dynamodb;

import java.time.Clock;

import dev.appointments.query.QueryServiceProperties;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.AppointmentLists;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.LockedSlots;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stores of the shared tables, used for reading only, and the clock that free slots are computed against.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DynamoDbCalls dynamoDbCalls(QueryServiceProperties properties) {
        return new ResilientReads(properties.dynamoDbRetryAttempts(), properties.circuitOpenFor());
    }

    @Bean
    Appointments appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Appointments(dynamoDb, calls);
    }

    @Bean
    AppointmentLists appointmentLists(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new AppointmentLists(dynamoDb, calls);
    }

    @Bean
    LockedSlots lockedSlots(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new LockedSlots(dynamoDb, calls);
    }

    @Bean
    Outcomes outcomes(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Outcomes(dynamoDb, calls);
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
