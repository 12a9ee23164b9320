package dev.appointments.query.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * Consumers bound through the project's SQS binder in the ops tests only (the
 * query-service consumes no queue): {@code opsPoison} fails on messages whose body
 * contains "poison" until {@link #fixed} is set, as a bug would until it is fixed;
 * {@code opsDrain} takes whatever comes and is started by the test that needs it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestConsumers {

    static final AtomicBoolean fixed = new AtomicBoolean();

    static final Set<String> processed = ConcurrentHashMap.newKeySet();

    @Bean
    Consumer<Message<String>> opsPoison() {
        return message -> {
            if (message.getPayload().contains("poison") && !fixed.get()) {
                throw new IllegalStateException("Cannot handle this message yet");
            }
            processed.add(message.getPayload());
        };
    }

    @Bean
    Consumer<Message<String>> opsDrain() {
        return message -> {
        };
    }

}
