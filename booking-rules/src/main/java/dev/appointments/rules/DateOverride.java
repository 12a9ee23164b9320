package dev.appointments.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * One date whose opening hours differ from the weekly hours: either {@code closed} (a
 * holiday) or open with replacement {@code hours}. Exactly one of the two is given;
 * {@link ProviderRules#validate()} says so otherwise.
 *
 * @param date the provider-local date, {@code YYYY-MM-DD}
 * @param closed whether the provider takes no appointments that day
 * @param hours the day's hours instead of the weekly ones; empty when closed
 */
public record DateOverride(@JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE) LocalDate date,
        boolean closed, List<TimeRange> hours) {

    public DateOverride {
        // Tolerates null elements so that validation, not the constructor, reports them
        // with their field name.
        hours = hours == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(hours));
    }

    /**
     * The provider is closed all day.
     */
    public static DateOverride closedOn(LocalDate date) {
        return new DateOverride(date, true, List.of());
    }

    /**
     * The provider is open only during {@code hours} that day.
     */
    public static DateOverride openOn(LocalDate date, TimeRange... hours) {
        return new DateOverride(date, false, List.of(hours));
    }

}
