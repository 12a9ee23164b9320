package dev.appointments.store.appointment;

import java.util.List;

import dev.appointments.rules.TimeWindow;
import dev.appointments.store.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads the times a provider's appointments keep: one key-range {@code Query} over the
 * provider's calendar days.
 */
public final class BusyTimes {

    private final CalendarDays days;

    public BusyTimes(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this.days = new CalendarDays(dynamoDb, calls);
    }

    /**
     * The busy times of the provider that overlap {@code window}, each the whole time of
     * one appointment.
     */
    public List<TimeWindow> within(String providerId, TimeWindow window) {
        return days.busyWithin(providerId, window);
    }

}
