package dev.appointments.timers.autoconfigure;

import java.time.Clock;
import java.util.UUID;

import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.autoconfigure.AppointmentStoreAutoConfiguration;
import dev.appointments.store.autoconfigure.RetentionProperties;
import dev.appointments.timers.DurableTimers;
import dev.appointments.timers.TimerPoller;
import dev.appointments.timers.TimerSender;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The durable timers of a service, wired once for every service that uses them: the store
 * in the service's namespace ({@code spring.application.name}), the sender that releases
 * a due timer to the SQS queue it names, and a poll every
 * {@code appointments.timers.poll-interval} that is skipped while the DynamoDB circuit is
 * open.
 */
@AutoConfiguration(after = AppointmentStoreAutoConfiguration.class,
        afterName = "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration")
@ConditionalOnBean({ DynamoDbClient.class, DynamoDbCalls.class })
@ConditionalOnProperty(prefix = "appointments.timers", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DurableTimersProperties.class)
public class DurableTimersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DurableTimers durableTimers(DynamoDbClient dynamoDb, DynamoDbCalls calls, Clock clock,
            DurableTimersProperties properties, RetentionProperties retention, Environment environment) {
        String namespace = environment.getProperty("spring.application.name");
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalStateException("The durable timers need spring.application.name: it is their namespace");
        }
        String owner = properties.instanceId() == null || properties.instanceId().isBlank()
                ? namespace + ":" + UUID.randomUUID() : properties.instanceId();
        return new DurableTimers(dynamoDb, calls, clock, namespace, properties.shards(), owner,
                properties.claimDuration(), retention.timers());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(SqsAsyncClient.class)
    TimerSender timerSender(SqsAsyncClient sqs) {
        return new SqsTimerSender(sqs);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TimerSender.class)
    TimerPoller timerPoller(DurableTimers durableTimers, TimerSender timerSender, DurableTimersProperties properties) {
        return new TimerPoller(durableTimers, timerSender, properties.batchSize());
    }

    @Bean
    @ConditionalOnBean(TimerPoller.class)
    TimerRelease timerRelease(TimerPoller timerPoller, DurableTimersProperties properties,
            @Qualifier("dynamoDbCircuitBreaker") ObjectProvider<CircuitBreaker> dynamoDbCircuitBreaker) {
        return new TimerRelease(timerPoller, dynamoDbCircuitBreaker.getIfAvailable(), properties.pollInterval());
    }

}
