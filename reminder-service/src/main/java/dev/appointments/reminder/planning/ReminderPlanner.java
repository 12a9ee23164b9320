package dev.appointments.reminder.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.appointments.model.MessageTypes;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.model.reminders.ReminderDue;
import dev.appointments.reminder.ReminderServiceProperties;
import dev.appointments.reminder.notification.NotificationIds;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.timers.DurableTimers;
import dev.appointments.timers.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns PlanReminders into one durable timer per offset whose due time is still ahead;
 * the timer releases a ReminderDue to this service's queue. Timer and notification share
 * one deterministic id, so planning twice keeps one timer, and a reminder planned for
 * another start of the appointment has another id and lapses when it finds the
 * appointment moved.
 */
@Component
public class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    private final DurableTimers timers;

    private final Appointments appointments;

    private final JsonMapper json;

    private final Clock clock;

    private final List<Duration> offsets;

    private final String queue;

    ReminderPlanner(DurableTimers timers, Appointments appointments, JsonMapper json, Clock clock,
            ReminderServiceProperties properties) {
        this.timers = timers;
        this.appointments = appointments;
        this.json = json;
        this.clock = clock;
        this.offsets = properties.offsets();
        this.queue = properties.queue();
    }

    /** Schedules the reminders still ahead; returns how many. */
    public int plan(PlanReminders command) {
        Instant now = clock.instant();
        List<Timer> planned = new ArrayList<>();
        for (Duration offset : offsets) {
            Instant due = command.startsAt().minus(offset);
            String id = NotificationIds.reminder(command.appointmentId(), command.startsAt(), offset);
            if (!due.isAfter(now)) {
                log.info("Reminder {} is not planned: its due time has passed", id);
                continue;
            }
            ReminderDue reminder = new ReminderDue(command.appointmentId(), command.startsAt(), offset, id);
            planned.add(new Timer(id, due, queue, json.writeValueAsString(reminder),
                    Map.of("type", MessageTypes.typeOf(reminder))));
        }
        // One BatchWriteItem for all offsets: a repeat overwrites a timer with the same
        // one, see DurableTimers.
        timers.scheduleAll(planned);
        log.info("Planned {} reminder(s) for appointment {}", planned.size(), command.appointmentId());
        return planned.size();
    }

    /**
     * Removes the pending reminders of a cancelled appointment. Only a saving: a reminder
     * that fires anyway finds the appointment cancelled and is skipped.
     */
    public void forget(String appointmentId) {
        appointments.find(appointmentId)
            .ifPresent(appointment -> offsets.forEach(
                    offset -> timers.cancel(NotificationIds.reminder(appointmentId, appointment.startsAt(), offset),
                            appointment.startsAt().minus(offset))));
    }

}
