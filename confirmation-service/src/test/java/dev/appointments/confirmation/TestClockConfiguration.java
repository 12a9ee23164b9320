package dev.appointments.confirmation;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's clock by one the integration tests move forward. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    static final Instant START = Instant.parse("2027-03-01T12:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }

}
