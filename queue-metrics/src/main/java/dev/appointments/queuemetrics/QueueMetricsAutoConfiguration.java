package dev.appointments.queuemetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Polls the depth of the queues named in {@link QueueMetricsProperties} with the
 * application's {@link SqsAsyncClient} (from Spring Cloud AWS) and registers their gauges
 * with every meter registry.
 */
@AutoConfiguration(afterName = "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration")
@ConditionalOnClass({ SqsAsyncClient.class, io.micrometer.core.instrument.MeterRegistry.class })
@ConditionalOnProperty(prefix = "appointments.queue-metrics", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(QueueMetricsProperties.class)
public class QueueMetricsAutoConfiguration {

    @Bean
    @ConditionalOnBean(SqsAsyncClient.class)
    QueueDepthPoller queueDepthPoller(SqsAsyncClient sqs, QueueMetricsProperties properties) {
        return new QueueDepthPoller(sqs, properties.watchedQueues(), properties.interval());
    }

    @Bean
    @ConditionalOnBean(QueueDepthPoller.class)
    QueueDepthMeters queueDepthMeters(QueueDepthPoller poller) {
        return new QueueDepthMeters(poller);
    }

}
