package dev.appointments.binder.sqs.headers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelaySecondsTests {

    @Test
    void acceptsWholeSecondsUpToFifteenMinutes() {
        assertThat(DelaySeconds.of(null)).isNull();
        assertThat(DelaySeconds.of(0)).isZero();
        assertThat(DelaySeconds.of(900L)).isEqualTo(900);
        assertThat(DelaySeconds.of("30")).isEqualTo(30);
    }

    @Test
    void refusesWhatSqsWouldRefuse() {
        for (Object value : new Object[] { 901, -1, "soon" }) {
            assertThatThrownBy(() -> DelaySeconds.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sqsDelaySeconds")
                .hasMessageContaining("900");
        }
    }

}
