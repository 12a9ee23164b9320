package dev.appointments.reminder.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTests {

    @Test
    void theSameNotificationAndChannelAlwaysGiveTheSameMessageIdInTheSendersDomain() {
        String id = MessageIds.of("notice:a1:CONFIRMED:req-1", "email", "appointments@clinic.example.org");

        assertThat(id).isEqualTo(MessageIds.of("notice:a1:CONFIRMED:req-1", "email", "appointments@clinic.example.org"))
            .matches("<[0-9a-f]{32}@clinic\\.example\\.org>");
    }

    @Test
    void anotherNotificationOrChannelGivesAnotherMessageId() {
        String id = MessageIds.of("notice:a1:CONFIRMED:req-1", "email", "a@example.org");

        assertThat(MessageIds.of("notice:a1:CONFIRMED:req-2", "email", "a@example.org")).isNotEqualTo(id);
        assertThat(MessageIds.of("notice:a1:CONFIRMED:req-1", "webhook", "a@example.org")).isNotEqualTo(id);
    }

    @Test
    void aSenderWithoutDomainGetsAReservedOne() {
        assertThat(MessageIds.of("n", "email", "appointments")).endsWith("@appointments.invalid>");
    }

}
