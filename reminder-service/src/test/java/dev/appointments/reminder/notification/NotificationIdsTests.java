package dev.appointments.reminder.notification;

import java.time.Duration;
import java.time.Instant;

import dev.appointments.model.Identifier;
import dev.appointments.model.reminders.NoticeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationIdsTests {

    @Test
    void areReadableAndDeterministic() {
        assertThat(NotificationIds.reminder("a1", Instant.parse("2027-03-03T14:30:00Z"), Duration.ofHours(2)))
            .isEqualTo("reminder:a1:2027-03-03T14:30:00Z:PT2H");
        assertThat(NotificationIds.notice("a1", NoticeKind.CONFIRMED, "req-7f3a"))
            .isEqualTo("notice:a1:CONFIRMED:req-7f3a");
    }

    @Test
    void stayWithinTheContractsLengthAndCharacters() {
        String longCause = "c".repeat(128);

        String id = NotificationIds.notice("a1", NoticeKind.CANCELLED, longCause);

        assertThat(id).hasSizeLessThanOrEqualTo(Identifier.MAX_LENGTH)
            .matches(Identifier.PATTERN)
            .isEqualTo(NotificationIds.notice("a1", NoticeKind.CANCELLED, longCause))
            .isNotEqualTo(NotificationIds.notice("a1", NoticeKind.CANCELLED, longCause + "x"));
    }

}
