package dev.appointments.confirmation.lifecycle;

import java.time.Duration;
import java.time.Instant;

import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.confirmations.HoldExpired;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.timers.Timer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HoldTimersTests {

    private static final Instant BOOKED = Instant.parse("2027-03-01T12:00:00Z");

    @Test
    void holdExpiresAfterTheTimeout() {
        assertThat(HoldTimers.dueAt(BOOKED, Duration.ofHours(2), BOOKED.plus(Duration.ofDays(3))))
            .isEqualTo(BOOKED.plus(Duration.ofHours(2)));
    }

    @Test
    void holdExpiresAtTheStartAtTheLatest() {
        Instant startsAt = BOOKED.plus(Duration.ofHours(1));

        assertThat(HoldTimers.dueAt(BOOKED, Duration.ofDays(2), startsAt)).isEqualTo(startsAt);
    }

    @Test
    void timerReleasesAHoldExpiredForTheVersionToTheConfirmationsQueue() {
        JsonMapper json = JsonMapper.builder().build();
        var appointment = new dev.appointments.store.appointment.Appointment("a-1", "p", "pt",
                dev.appointments.rules.lifecycle.AppointmentStatus.REQUESTED, BOOKED.plus(Duration.ofDays(3)),
                BOOKED.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(15)), "UTC", null, null, null, null, null, 3,
                java.util.List.of(), BOOKED, BOOKED);

        Timer timer = new HoldTimers(json, "appointment-confirmations").timerFor(appointment, Duration.ofHours(2));

        assertThat(timer.timerId()).isEqualTo("hold:a-1:3");
        assertThat(timer.dueAt()).isEqualTo(BOOKED.plus(Duration.ofHours(2)));
        assertThat(timer.queue()).isEqualTo("appointment-confirmations");
        assertThat(timer.attributes()).containsEntry("type", "HoldExpired");
        assertThat(json.readValue(timer.body(), AppointmentConfirmationsMessage.class))
            .isEqualTo(new HoldExpired("a-1", 3L, BOOKED.plus(Duration.ofHours(2))));
    }

}
