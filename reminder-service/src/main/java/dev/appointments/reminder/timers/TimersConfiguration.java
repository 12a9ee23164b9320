package dev.appointments.reminder.timers;

import java.time.Clock;
import java.util.UUID;

import dev.appointments.reminder.ReminderServiceProperties;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.autoconfigure.RetentionProperties;
import dev.appointments.timers.DurableTimers;
import dev.appointments.timers.TimerPoller;
import dev.appointments.timers.TimerSender;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The durable timers, and their release every few seconds. Each instance has its own owner name, so that the claims of
 * two running instances tell them apart.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimersConfiguration {

    @Bean
    DurableTimers durableTimers(DynamoDbClient dynamoDb, DynamoDbCalls calls, Clock clock,
            ReminderServiceProperties properties, RetentionProperties retention,
            @Value("${spring.application.name}") String service) {
        return new DurableTimers(dynamoDb, calls, clock, service, properties.timers().shards(),
                service + ":" + UUID.randomUUID(), DurableTimers.DEFAULT_CLAIM_DURATION, retention.timers());
    }

    @Bean
    TimerSender timerSender(StreamBridge streamBridge) {
        return new StreamBridgeTimerSender(streamBridge);
    }

    @Bean
    TimerPoller timerPoller(DurableTimers timers, TimerSender sender, ReminderServiceProperties properties) {
        return new TimerPoller(timers, sender, properties.timers().batchSize());
    }
}
