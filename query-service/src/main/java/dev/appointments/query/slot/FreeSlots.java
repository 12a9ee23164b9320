package dev.appointments.query.slot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.appointments.query.QueryServiceProperties;
import dev.appointments.query.web.NotFound;
import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.Slot;
import dev.appointments.store.appointment.BusyTimes;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;
import org.springframework.stereotype.Service;

/**
 * The free slots of a provider's date. The provider's rules and the day's busy times are
 * kept for a few seconds (the configured TTL), so a burst of page loads costs two
 * DynamoDB reads; the minimum notice and maximum advance are applied to every answer with
 * the current time, so a cached day never offers a slot that has become too close.
 */
@Service
public class FreeSlots {

    private final Providers providers;

    private final BusyTimes busyTimes;

    private final Clock clock;

    private final Cache<DayKey, ProviderDay> days;

    FreeSlots(Providers providers, BusyTimes busyTimes, Clock clock, QueryServiceProperties properties) {
        this.providers = providers;
        this.busyTimes = busyTimes;
        this.clock = clock;
        this.days = Caffeine.newBuilder()
            .expireAfterWrite(properties.slotCacheTtl())
            .maximumSize(properties.slotCacheSize())
            .build();
    }

    /**
     * The free slots of a provider-local date, in order.
     * @throws NotFound when there is no such provider
     */
    public List<Slot> freeOn(String providerId, LocalDate date) {
        return free(day(providerId, date));
    }

    /**
     * @throws NotFound when there is no such provider (unknown providers are not cached)
     */
    ProviderDay day(String providerId, LocalDate date) {
        ProviderDay day = days.get(new DayKey(providerId, date), this::read);
        if (day == null) {
            throw new NotFound("There is no provider " + providerId + ".");
        }
        return day;
    }

    List<Slot> free(ProviderDay day) {
        return day.calendar().freeSlots(day.date(), day.busy(), clock.instant());
    }

    private ProviderDay read(DayKey key) {
        Provider provider = providers.find(key.providerId()).orElse(null);
        if (provider == null) {
            return null;
        }
        BookingCalendar calendar = provider.calendar();
        return new ProviderDay(key.providerId(), key.date(), calendar,
                busyTimes.within(key.providerId(), calendar.busyWindow(key.date())));
    }

    private record DayKey(String providerId, LocalDate date) {
    }

}
