package dev.appointments.request.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.appointments.model.ReasonCode;
import dev.appointments.rules.BookingCalendar;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentIndex;
import dev.appointments.store.appointment.AppointmentLists;
import dev.appointments.store.appointment.AppointmentPage;
import dev.appointments.store.appointment.AppointmentRange;
import org.springframework.stereotype.Component;

/**
 * Finds the future appointments of a provider that its new rules would not allow (off the
 * new grid, outside the new hours, a duration the new slot length does not divide). They
 * stay booked: their time is kept in the calendar as it was when they were booked, so no
 * new booking can collide with them; the admin decides what to do with them.
 */
@Component
class AppointmentsOutsideRules {

    /** Enough for an admin to act on; the answer says when there are more. */
    static final int LIMIT = 100;

    private static final int PAGE = 100;

    private final AppointmentLists lists;

    AppointmentsOutsideRules(AppointmentLists lists) {
        this.lists = lists;
    }

    Found find(String providerId, BookingCalendar calendar, Instant now) {
        List<OutsideRules> outside = new ArrayList<>();
        Map<String, String> startKey = Map.of();
        AppointmentPage page;
        do {
            page = lists
                .page(new AppointmentRange(AppointmentIndex.BY_PROVIDER, providerId, now, null, PAGE, startKey));
            for (Appointment appointment : page.appointments()) {
                if (!appointment.status().onCalendar()) {
                    continue;
                }
                int minutes = (int) Duration.between(appointment.startsAt(), appointment.endsAt()).toMinutes();
                // On the provider's wall clock as it is now: the time zone may be what
                // changed.
                ZonedDateTime local = appointment.startsAt().atZone(calendar.zone());
                var refusal = calendar.checkFit(local.toLocalDate(), local.toLocalTime(), minutes);
                if (refusal.isPresent()) {
                    if (outside.size() == LIMIT) {
                        return new Found(outside, true);
                    }
                    outside.add(new OutsideRules(appointment.appointmentId(), local.toLocalDate(), local.toLocalTime(),
                            minutes, appointment.status().name(), refusal.get().reason(), refusal.get().message()));
                }
            }
            startKey = page.nextKey();
        }
        while (!page.last());
        return new Found(outside, false);
    }

    /** The appointments found, and whether there were more than {@link #LIMIT}. */
    record Found(List<OutsideRules> appointments, boolean truncated) {
    }

    /**
     * A future appointment the provider's rules no longer allow; it stays valid.
     *
     * @param reason the rule it breaks, as a reason code ({@code MISALIGNED},
     * {@code OUTSIDE_SCHEDULE}, {@code INVALID_DURATION})
     */
    record OutsideRules(String appointmentId, LocalDate appointmentDate,
            @JsonFormat(pattern = "HH:mm") LocalTime startTime, int durationMinutes, String status, ReasonCode reason,
            String message) {
    }

}
