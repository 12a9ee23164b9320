package dev.appointments.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The slot grid of one provider: wall-clock times at whole slots from midnight, mapped to
 * instants in the provider's zone. A time that a spring-forward gap skips has no instant;
 * a time that a fall-back overlap repeats takes the earlier instant only, so every grid
 * time has at most one instant and the map is monotonic.
 */
final class SlotGrid {

    private final ZoneId zone;

    private final ZoneRules zoneRules;

    private final int slotMinutes;

    private final Map<DayOfWeek, List<TimeRange>> weeklyHours;

    private final Map<LocalDate, List<TimeRange>> overrides = new HashMap<>();

    SlotGrid(ProviderRules rules) {
        this.zone = rules.zone();
        this.zoneRules = zone.getRules();
        this.slotMinutes = rules.slotMinutes();
        this.weeklyHours = rules.weeklyHours();
        rules.dateOverrides().forEach(override -> overrides.put(override.date(), override.hours()));
    }

    ZoneId zone() {
        return zone;
    }

    Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }

    /** The day's open ranges: an override's (none when closed) or else the weekday's. */
    List<TimeRange> hoursOn(LocalDate date) {
        return overrides.getOrDefault(date, weeklyHours.getOrDefault(date.getDayOfWeek(), List.of()));
    }

    boolean onGrid(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0 && (time.toSecondOfDay() / 60) % slotMinutes == 0;
    }

    /**
     * The instant of a wall-clock time: empty in a gap, the earlier offset in an overlap.
     */
    Optional<Instant> instantOf(LocalDateTime local) {
        List<ZoneOffset> offsets = zoneRules.getValidOffsets(local);
        return offsets.isEmpty() ? Optional.empty() : Optional.of(local.toInstant(offsets.getFirst()));
    }

    /** The bookable slots of a date, in order. */
    List<Slot> slots(LocalDate date) {
        List<Slot> slots = new ArrayList<>();
        for (TimeRange range : hoursOn(date)) {
            for (int minute = range.startMinute(); minute + slotMinutes <= range.endMinute(); minute += slotMinutes) {
                LocalTime time = LocalTime.ofSecondOfDay(minute * 60L);
                instantOf(date.atTime(time)).filter(start -> isOpen(start, slotLength()))
                    .ifPresent(start -> slots.add(new Slot(date, time, start, start.plus(slotLength()))));
            }
        }
        return slots;
    }

    /**
     * Whether every grid instant in {@code [start, start + duration)} starts an open
     * slot. Next to a skipped hour a slot can reach past the next grid time in real time,
     * and then that one has to be open too.
     */
    boolean isOpen(Instant start, Duration duration) {
        return instantsBetween(start, start.plus(duration)).stream().allMatch(this::isOpenSlotStart);
    }

    /**
     * Whether an instant is the start of a bookable slot: on the grid, its time's earlier
     * instant, and open.
     */
    boolean isOpenSlotStart(Instant instant) {
        ZonedDateTime zoned = instant.atZone(zone);
        LocalTime time = zoned.toLocalTime();
        if (!onGrid(time) || !zoned.getOffset().equals(zoneRules.getValidOffsets(zoned.toLocalDateTime()).getFirst())) {
            return false;
        }
        int minute = time.toSecondOfDay() / 60;
        return hoursOn(zoned.toLocalDate()).stream().anyMatch(range -> range.holdsSlot(minute, slotMinutes));
    }

    /**
     * The grid instants in {@code [from, to)}, open or not, in order. Every slot start
     * that any booking can have is one of them.
     */
    List<Instant> instantsBetween(Instant from, Instant to) {
        // Without a transition since a day before, the offset is fixed and no time in the
        // range is a repeated one.
        ZoneOffsetTransition next = zoneRules.nextTransition(from.minus(Duration.ofDays(1)));
        return next == null || !next.getInstant().isBefore(to) ? withFixedOffset(from, to, zoneRules.getOffset(from))
                : acrossTransitions(from, to);
    }

    private List<Instant> withFixedOffset(Instant from, Instant to, ZoneOffset offset) {
        // Local epoch seconds: the grid is every multiple of the slot, because a slot
        // divides a day.
        long slotSeconds = slotMinutes * 60L;
        long localSeconds = from.getEpochSecond() + offset.getTotalSeconds() + (from.getNano() > 0 ? 1 : 0);
        long firstLocal = Math.ceilDiv(localSeconds, slotSeconds) * slotSeconds;
        List<Instant> instants = new ArrayList<>();
        for (Instant at = Instant.ofEpochSecond(firstLocal - offset.getTotalSeconds()); at
            .isBefore(to); at = at.plusSeconds(slotSeconds)) {
            instants.add(at);
        }
        return instants;
    }

    List<Instant> acrossTransitions(Instant from, Instant to) {
        // Walks wall-clock grid times with a day's margin, which covers any real offset
        // change.
        LocalDateTime local = LocalDateTime.ofInstant(from, zone).minusDays(1).toLocalDate().atStartOfDay();
        LocalDateTime last = LocalDateTime.ofInstant(to, zone).plusDays(1);
        List<Instant> instants = new ArrayList<>();
        for (; local.isBefore(last); local = local.plusMinutes(slotMinutes)) {
            instantOf(local).filter(at -> !at.isBefore(from) && at.isBefore(to)).ifPresent(instants::add);
        }
        instants.sort(null);
        return instants;
    }

}
