package dev.appointments.rules;

import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * Opening hours within one day, in the provider's wall-clock time, from {@code start}
 * (inclusive) to {@code end} (exclusive); both travel as {@code HH:mm}. An {@code end} of
 * {@code 00:00} means midnight at the end of the day, because {@code 24:00} is not a time
 * of day. Ranges never cross midnight.
 *
 * @param start the first minute of the range
 * @param end the minute the range closes
 */
public record TimeRange(
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "HH:mm", lenient = OptBoolean.FALSE) LocalTime start,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "HH:mm", lenient = OptBoolean.FALSE) LocalTime end) {

    static final int MINUTES_PER_DAY = 24 * 60;

    /**
     * A range from {@code HH:mm} texts, for code and tests:
     * {@code TimeRange.of("09:00", "12:00")}.
     */
    public static TimeRange of(String start, String end) {
        return new TimeRange(LocalTime.parse(start), LocalTime.parse(end));
    }

    int startMinute() {
        return start.toSecondOfDay() / 60;
    }

    int endMinute() {
        return LocalTime.MIDNIGHT.equals(end) ? MINUTES_PER_DAY : end.toSecondOfDay() / 60;
    }

    /**
     * Whether a whole slot of {@code slotMinutes} starting at {@code minuteOfDay} lies
     * inside this range.
     */
    boolean holdsSlot(int minuteOfDay, int slotMinutes) {
        return startMinute() <= minuteOfDay && minuteOfDay + slotMinutes <= endMinute();
    }

}
