package dev.appointments.queuemetrics;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QueueMetricsPropertiesTests {

    @Test
    void watchesEachQueueFollowedByItsDeadLetterQueue() {
        var properties = new QueueMetricsProperties(List.of("a", " b ", "a", "c-dlq"), Duration.ofSeconds(10), true,
                true);
        assertThat(properties.watchedQueues()).containsExactly("a", "a-dlq", "b", "b-dlq", "c-dlq");
    }

    @Test
    void leavesDeadLetterQueuesOutWhenAskedTo() {
        var properties = new QueueMetricsProperties(List.of("a"), Duration.ofSeconds(10), false, true);
        assertThat(properties.watchedQueues()).containsExactly("a");
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new QueueMetricsProperties(List.of(), Duration.ZERO, true, true));
    }

}
