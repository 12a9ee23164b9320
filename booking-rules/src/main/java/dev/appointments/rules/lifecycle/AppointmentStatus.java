package dev.appointments.rules.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an appointment is in its lifecycle, and which moves are allowed from there.
 */
public enum AppointmentStatus {

    REQUESTED, CONFIRMED, COMPLETED, NO_SHOW, DECLINED, EXPIRED, CANCELLED;

    /**
     * Whether an appointment in this status still occupies its slots in the provider's
     * calendar.
     */
    public boolean onCalendar() {
        return this == REQUESTED || this == CONFIRMED;
    }

    /**
     * Whether this status says what happened at the appointment, which can only be known
     * once it has begun.
     */
    public boolean afterTheStart() {
        return this == COMPLETED || this == NO_SHOW;
    }

    /** Whether the lifecycle allows moving from this status to {@code target}. */
    public boolean canMoveTo(AppointmentStatus target) {
        return successors().contains(target);
    }

    private Set<AppointmentStatus> successors() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(CONFIRMED, DECLINED, EXPIRED, CANCELLED);
            case CONFIRMED -> EnumSet.of(COMPLETED, NO_SHOW, CANCELLED);
            case COMPLETED, NO_SHOW, DECLINED, EXPIRED, CANCELLED -> EnumSet.noneOf(AppointmentStatus.class);
        };
    }

}
