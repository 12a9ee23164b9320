package dev.appointments.faults.drive;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The suite's providers, created through the request-service's admin API: open around the
 * clock every day in UTC with 15-minute slots, so that a scenario can book as many
 * distinct slots as it needs, each scenario its own provider.
 */
public final class Providers {

    public static final int SLOT_MINUTES = 15;

    private Providers() {
    }

    /**
     * Creates a provider and returns its id.
     * @param requestService the request-service's base URI
     * @param autoConfirm whether bookings are confirmed at once, or wait for
     * ConfirmAppointment or the hold's expiry
     * @param confirmationTimeout how long a hold waits for the provider
     */
    public static String create(Api api, URI requestService, String prefix, boolean autoConfirm,
            Duration confirmationTimeout) {
        return create(api, requestService, prefix, autoConfirm, confirmationTimeout, SLOT_MINUTES, Duration.ofHours(1));
    }

    /**
     * Creates a provider with this slot length and minimum notice, and returns its id.
     */
    public static String create(Api api, URI requestService, String prefix, boolean autoConfirm,
            Duration confirmationTimeout, int slotMinutes, Duration minimumNotice) {
        String providerId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder hours = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.append(hours.isEmpty() ? "" : ", ")
                .append('"')
                .append(day)
                .append("\": [{\"start\": \"00:00\", \"end\": \"00:00\"}]");
        }
        String rules = """
                {"name": "Fault clinic %s", "timeZone": "UTC", "weeklyHours": {%s}, "slotMinutes": %d,
                 "minimumNotice": "%s", "maximumAdvance": "P400D", "autoConfirm": %s,
                 "confirmationTimeout": "%s"}""".formatted(providerId, hours, slotMinutes, minimumNotice, autoConfirm,
                confirmationTimeout);
        HttpResponse<String> response = api.put(requestService.resolve("/api/providers/" + providerId), "demo-admin",
                rules);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "Could not create provider " + providerId + ": " + response.statusCode() + " " + response.body());
        }
        return providerId;
    }

    /**
     * {@code count} distinct slots of a provider, in order, from two days ahead (well
     * past the minimum notice), in UTC wall-clock time.
     */
    public static List<Slot> slots(int count) {
        List<Slot> slots = new ArrayList<>();
        LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        LocalTime time = LocalTime.MIDNIGHT;
        for (int i = 0; i < count; i++) {
            slots.add(new Slot(date, time));
            time = time.plusMinutes(SLOT_MINUTES);
            if (time.equals(LocalTime.MIDNIGHT)) {
                date = date.plusDays(1);
            }
        }
        return slots;
    }

    /** A slot's provider-local date and start time. */
    public record Slot(LocalDate date, LocalTime start) {
    }

}
