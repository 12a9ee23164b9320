package dev.appointments.confirmation.timers;

import java.time.Clock;
import java.util.UUID;

import dev.appointments.confirmation.ConfirmationServiceProperties;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.autoconfigure.RetentionProperties;
import dev.appointments.timers.DurableTimers;
import dev.appointments.timers.TimerPoller;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The durable timers and their poller: every {@code appointments.confirmation.timers.poll-interval} the due timers
 * are claimed and released to their queues. The round is skipped while the DynamoDB circuit is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimersConfiguration {

    @Bean
    DurableTimers durableTimers(DynamoDbClient dynamoDb, DynamoDbCalls calls, Clock clock,
            ConfirmationServiceProperties properties, RetentionProperties retention) {
        var timers = properties.timers();
        String owner = timers.instanceId() == null || timers.instanceId().isBlank()
                ? "confirmation-service-" + UUID.randomUUID() : timers.instanceId();
        return new DurableTimers(dynamoDb, calls, clock, "confirmation-service", timers.shards(), owner,
                timers.claimDuration(), retention.timers());
    }

    @Bean
    TimerPoller timerPoller(DurableTimers durableTimers, SqsAsyncClient sqs, ConfirmationServiceProperties properties) {
        return new TimerPoller(durableTimers, new SqsTimerSender(sqs), properties.timers().batchSize());
    }

    @Bean
    SchedulingConfigurer timerSchedule(TimerPoller timerPoller, CircuitBreaker dynamoDbCircuitBreaker,
            ConfirmationServiceProperties properties) {
        return registrar -> registrar.addFixedDelayTask(() -> {
            if (dynamoDbCircuitBreaker.getState() != CircuitBreaker.State.OPEN) {
                timerPoller.run();
            }
        }, properties.timers().pollInterval());
    }
}
