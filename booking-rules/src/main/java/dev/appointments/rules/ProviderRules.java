package dev.appointments.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A provider's booking rules, as the admin API takes and returns them ({@code PUT
 * /api/providers/{id}}). A field that is absent or null takes its default; nothing is
 * checked on construction, so that {@link #validate()} can name every unusable field at
 * once. Durations travel as ISO-8601 text ({@code PT24H}, {@code P90D}).
 *
 * @param name the provider's display name
 * @param timeZone the IANA time zone of the provider's wall clock
 * ({@code America/New_York})
 * @param weeklyHours the opening hours per weekday, several ranges a day, in order; a
 * missing day is closed
 * @param dateOverrides dates that are closed or have other hours than their weekday
 * @param slotMinutes the slot length, the grid that starts and durations align to
 * (default 15)
 * @param minimumNotice how long before its start an appointment must be booked (default
 * 24 hours)
 * @param maximumAdvance how far ahead an appointment may start at most (default 90 days)
 * @param bufferMinutes the free time kept between two appointments, rounded up to whole
 * slots (default 0)
 * @param autoConfirm whether a booked appointment is confirmed without the provider
 * (default false)
 * @param confirmationTimeout how long a booking waits for the provider before it expires
 * (default 15 minutes)
 * @param cancellationNotice how long before its start an appointment can still be
 * cancelled (default 0)
 */
public record ProviderRules(String name, String timeZone, Map<DayOfWeek, List<TimeRange>> weeklyHours,
        List<DateOverride> dateOverrides, int slotMinutes,
        @JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE) Duration minimumNotice,
        @JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE) Duration maximumAdvance,
        int bufferMinutes, boolean autoConfirm,
        @JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE) Duration confirmationTimeout,
        @JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE) Duration cancellationNotice) {

    public static final int DEFAULT_SLOT_MINUTES = 15;

    public static final Duration DEFAULT_MINIMUM_NOTICE = Duration.ofHours(24);

    public static final Duration DEFAULT_MAXIMUM_ADVANCE = Duration.ofDays(90);

    public static final int DEFAULT_BUFFER_MINUTES = 0;

    /**
     * Fits one SQS delay (at most 15 minutes), and is the hold the demo's manual provider
     * uses.
     */
    public static final Duration DEFAULT_CONFIRMATION_TIMEOUT = Duration.ofMinutes(15);

    /**
     * Cancelling is allowed until the start: refusing it would only turn a free slot into
     * a no-show.
     */
    public static final Duration DEFAULT_CANCELLATION_NOTICE = Duration.ZERO;

    public ProviderRules {
        weeklyHours = copyOf(weeklyHours);
        dateOverrides = dateOverrides == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(dateOverrides));
        minimumNotice = minimumNotice == null ? DEFAULT_MINIMUM_NOTICE : minimumNotice;
        maximumAdvance = maximumAdvance == null ? DEFAULT_MAXIMUM_ADVANCE : maximumAdvance;
        confirmationTimeout = confirmationTimeout == null ? DEFAULT_CONFIRMATION_TIMEOUT : confirmationTimeout;
        cancellationNotice = cancellationNotice == null ? DEFAULT_CANCELLATION_NOTICE : cancellationNotice;
    }

    /**
     * Reads a JSON body: the boxed numbers tell an absent field (default) from an
     * explicit value, which may be invalid and is then reported by {@link #validate()}
     * rather than silently replaced.
     */
    @JsonCreator
    static ProviderRules fromJson(@JsonProperty("name") String name, @JsonProperty("timeZone") String timeZone,
            @JsonProperty("weeklyHours") Map<DayOfWeek, List<TimeRange>> weeklyHours,
            @JsonProperty("dateOverrides") List<DateOverride> dateOverrides,
            @JsonProperty("slotMinutes") Integer slotMinutes, @JsonProperty("minimumNotice") Duration minimumNotice,
            @JsonProperty("maximumAdvance") Duration maximumAdvance,
            @JsonProperty("bufferMinutes") Integer bufferMinutes, @JsonProperty("autoConfirm") Boolean autoConfirm,
            @JsonProperty("confirmationTimeout") Duration confirmationTimeout,
            @JsonProperty("cancellationNotice") Duration cancellationNotice) {
        return new ProviderRules(name, timeZone, weeklyHours, dateOverrides,
                slotMinutes == null ? DEFAULT_SLOT_MINUTES : slotMinutes, minimumNotice, maximumAdvance,
                bufferMinutes == null ? DEFAULT_BUFFER_MINUTES : bufferMinutes, Boolean.TRUE.equals(autoConfirm),
                confirmationTimeout, cancellationNotice);
    }

    /**
     * Rules with every optional field at its default.
     */
    public static ProviderRules withDefaults(String name, String timeZone,
            Map<DayOfWeek, List<TimeRange>> weeklyHours) {
        return fromJson(name, timeZone, weeklyHours, null, null, null, null, null, null, null, null);
    }

    /**
     * The same ranges every day from Monday to Friday, closed at the weekend.
     */
    public static Map<DayOfWeek, List<TimeRange>> mondayToFriday(TimeRange... ranges) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                hours.put(day, List.of(ranges));
            }
        }
        return hours;
    }

    /**
     * The fields that make these rules unusable, each named by its JSON path; empty when
     * the rules are valid.
     */
    public List<RuleViolation> validate() {
        return RulesValidator.validate(this);
    }

    /**
     * The provider's time zone; only for valid rules (see {@link #validate()}).
     */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public ProviderRules withDateOverrides(List<DateOverride> overrides) {
        return new ProviderRules(name, timeZone, weeklyHours, overrides, slotMinutes, minimumNotice, maximumAdvance,
                bufferMinutes, autoConfirm, confirmationTimeout, cancellationNotice);
    }

    public ProviderRules withSlotMinutes(int minutes) {
        return new ProviderRules(name, timeZone, weeklyHours, dateOverrides, minutes, minimumNotice, maximumAdvance,
                bufferMinutes, autoConfirm, confirmationTimeout, cancellationNotice);
    }

    public ProviderRules withNoticeAndAdvance(Duration notice, Duration advance) {
        return new ProviderRules(name, timeZone, weeklyHours, dateOverrides, slotMinutes, notice, advance,
                bufferMinutes, autoConfirm, confirmationTimeout, cancellationNotice);
    }

    public ProviderRules withBufferMinutes(int minutes) {
        return new ProviderRules(name, timeZone, weeklyHours, dateOverrides, slotMinutes, minimumNotice, maximumAdvance,
                minutes, autoConfirm, confirmationTimeout, cancellationNotice);
    }

    public ProviderRules withConfirmation(boolean auto, Duration timeout) {
        return new ProviderRules(name, timeZone, weeklyHours, dateOverrides, slotMinutes, minimumNotice, maximumAdvance,
                bufferMinutes, auto, timeout, cancellationNotice);
    }

    public ProviderRules withCancellationNotice(Duration notice) {
        return new ProviderRules(name, timeZone, weeklyHours, dateOverrides, slotMinutes, minimumNotice, maximumAdvance,
                bufferMinutes, autoConfirm, confirmationTimeout, notice);
    }

    private static Map<DayOfWeek, List<TimeRange>> copyOf(Map<DayOfWeek, List<TimeRange>> hours) {
        // An EnumMap keeps the days in calendar order in JSON; a null day is a closed
        // day.
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        if (hours != null) {
            hours.forEach((day, ranges) -> copy.put(day,
                    ranges == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ranges))));
        }
        return Collections.unmodifiableMap(copy);
    }

}
