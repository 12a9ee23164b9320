package dev.appointments.confirmation.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.appointments.model.MessageTypes;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.confirmations.HoldExpired;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.timers.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable timer of a hold: one per appointment and version, so that a redelivered
 * fact schedules the same timer again and a timer of an older version finds the
 * appointment moved on.
 */
final class HoldTimers {

    private final JsonMapper json;

    private final String queue;

    HoldTimers(JsonMapper json, String queue) {
        this.json = json;
        this.queue = queue;
    }

    static String timerId(String appointmentId, long version) {
        return "hold:" + appointmentId + ":" + version;
    }

    /** What a hold expiry is recorded as, in the appointment's history. */
    static String cause(String timerId) {
        return "timer:" + timerId;
    }

    /**
     * When the hold of an appointment booked (or moved) at {@code bookedAt} expires:
     * after the provider's timeout, and no later than the start, since a hold past the
     * start has nothing left to hold.
     */
    static Instant dueAt(Instant bookedAt, Duration timeout, Instant startsAt) {
        Instant end = bookedAt.plus(timeout);
        return end.isBefore(startsAt) ? end : startsAt;
    }

    /**
     * The timer that releases {@link HoldExpired} for {@code held}, an appointment
     * REQUESTED at its current version.
     */
    Timer timerFor(Appointment held, Duration timeout) {
        Instant due = dueAt(held.updatedAt(), timeout, held.startsAt());
        String timerId = timerId(held.appointmentId(), held.version());
        HoldExpired expired = new HoldExpired(held.appointmentId(), held.version(), due);
        String body = json.writerFor(AppointmentConfirmationsMessage.class).writeValueAsString(expired);
        return new Timer(timerId, due, queue, body, Map.of("type", MessageTypes.typeOf(expired), "requestId", timerId));
    }

}
