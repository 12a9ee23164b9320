package dev.appointments.store.appointment;

import java.util.List;
import java.util.Map;

/**
 * A page of appointments in start-time order.
 *
 * @param appointments the appointments of the page
 * @param nextKey the DynamoDB key (every attribute a string) to start the next page from;
 * empty on the last page
 */
public record AppointmentPage(List<Appointment> appointments, Map<String, String> nextKey) {

    public AppointmentPage {
        appointments = List.copyOf(appointments);
        nextKey = Map.copyOf(nextKey);
    }

    public boolean last() {
        return nextKey.isEmpty();
    }
}
