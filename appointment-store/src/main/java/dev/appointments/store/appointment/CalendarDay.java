package dev.appointments.store.appointment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.appointments.rules.TimeWindow;

/**
 * The busy times of one provider on one UTC day, as read at {@code version}: every
 * appointment on the calendar whose time touches the day, with the whole time it keeps
 * (which may reach into the next days).
 *
 * @param date the UTC date
 * @param version the version read; 0 when the day has no item yet
 * @param busy the time each appointment keeps, by appointment id
 */
record CalendarDay(LocalDate date, long version, Map<String, TimeWindow> busy) {

    CalendarDay {
        busy = Map.copyOf(busy);
    }

    static CalendarDay empty(LocalDate date) {
        return new CalendarDay(date, 0, Map.of());
    }

    /** Another appointment whose time overlaps {@code time}, if there is one. */
    Optional<String> collision(String appointmentId, TimeWindow time) {
        return busy.entrySet()
            .stream()
            .filter(entry -> !entry.getKey().equals(appointmentId) && entry.getValue().overlaps(time))
            .map(Map.Entry::getKey)
            .findFirst();
    }

    /**
     * This day without the appointment's time and, when {@code time} touches the day,
     * with it at {@code time}.
     */
    CalendarDay with(String appointmentId, TimeWindow time) {
        Map<String, TimeWindow> next = new HashMap<>(busy);
        next.remove(appointmentId);
        if (time != null && CalendarDays.daysOf(time).contains(date)) {
            next.put(appointmentId, time);
        }
        return new CalendarDay(date, version, next);
    }
}
