package dev.appointments.timers;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimerItemsTests {

    @Test
    void dueKeysSortInTimeOrderWhateverTheFractionOfASecond() {
        String whole = TimerItems.dueKey("a", Instant.parse("2026-12-01T12:00:00Z"));
        String half = TimerItems.dueKey("a", Instant.parse("2026-12-01T12:00:00.5Z"));
        String next = TimerItems.dueKey("a", Instant.parse("2026-12-01T12:00:01Z"));

        assertThat(whole).isLessThan(half);
        assertThat(half).isLessThan(next);
    }

    @Test
    void theDueBoundTakesInEveryTimerDueAtThatInstantAndNoLaterOne() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");

        assertThat(TimerItems.dueKey("zzz~", now)).isLessThan(TimerItems.dueBound(now));
        assertThat(TimerItems.dueKey("a", now.plusNanos(1))).isGreaterThan(TimerItems.dueBound(now));
    }

    @Test
    void readsBackTheTimerItWrote() {
        Timer timer = new Timer("hold:a-1:1", Instant.parse("2026-12-01T12:00:00.123Z"), "q", "{}",
                java.util.Map.of("type", "HoldExpired"));

        assertThat(TimerItems.fromItem(TimerItems.toItem(timer, "3", Instant.EPOCH, java.time.Duration.ofDays(7))))
            .isEqualTo(timer);
    }

    @Test
    void refusesATimerIdThatWouldBreakTheSortKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Timer("a#b", Instant.EPOCH, "q", "{}", null));
    }

}
