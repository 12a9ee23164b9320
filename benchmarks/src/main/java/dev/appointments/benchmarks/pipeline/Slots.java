package dev.appointments.benchmarks.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.Slot;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;

/**
 * Hands out distinct free slots, each once: every bookable slot of the local run's
 * auto-confirming provider {@code demo-auto} (weekdays 09:00-17:00 New York, 24 hours to
 * 90 days ahead, 15 minutes each), then those of providers with the very same rules that
 * it adds when a run needs more than one provider's 90 days hold.
 */
final class Slots {

    static final String PROVIDER = "demo-auto";

    /** Slots too close to the minimum notice could become unbookable during the run. */
    private static final Duration MARGIN = Duration.ofHours(2);

    private final Providers providers;

    private final Clock clock;

    private final Provider template;

    private final Deque<Booking> pending = new ArrayDeque<>();

    private int providerCount;

    /** One slot of one provider, with a distinct patient. */
    record Booking(String providerId, Slot slot) {
    }

    Slots(Providers providers, Clock clock) {
        this.providers = providers;
        this.clock = clock;
        this.template = providers.find(PROVIDER)
            .orElseThrow(() -> new IllegalStateException("The local run has no provider " + PROVIDER));
    }

    synchronized Booking next() {
        if (pending.isEmpty()) {
            fill(providerCount == 0 ? PROVIDER : addProvider("bench-auto-" + (providerCount + 1)));
            providerCount++;
        }
        return pending.removeFirst();
    }

    /** The providers slots were taken from so far. */
    synchronized int providersUsed() {
        return providerCount;
    }

    private String addProvider(String providerId) {
        providers.create(providerId, template.rules(), clock.instant());
        return providerId;
    }

    private void fill(String providerId) {
        BookingCalendar calendar = template.calendar();
        Instant now = clock.instant().plus(MARGIN);
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        long days = template.rules().maximumAdvance().toDays() + 1;
        for (int day = 0; day <= days; day++) {
            for (Slot slot : calendar.freeSlots(today.plusDays(day), Set.of(), now)) {
                if (slot.start().isBefore(clock.instant().plus(template.rules().maximumAdvance()))) {
                    pending.add(new Booking(providerId, slot));
                }
            }
        }
        if (pending.isEmpty()) {
            throw new IllegalStateException("Provider " + PROVIDER + " has no bookable slot");
        }
    }

}
