package dev.appointments.request.booking;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;

/**
 * Providers' rules for bookings, kept a short while by provider so that a booking need
 * not read them. The rules are only a first check: the booking transaction checks that
 * the provider is still at the version read, and the calendar days' versions keep two
 * bookings off the same time, so a stale entry costs a retry ({@link #forget}), never a
 * double booking or a booking by rules that no longer hold; a booking the cached rules
 * refuse reads them again ({@link #read}) before it is refused.
 */
final class CachedProviders {

    /**
     * Short, so that an admin's change reaches even the services that book nothing for
     * that provider meanwhile.
     */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private record Entry(Provider provider, long readAtNanos) {
    }

    private final Providers providers;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CachedProviders(Providers providers) {
        this.providers = providers;
    }

    /**
     * The provider as read at most {@link #TIME_TO_LIVE} ago; an unknown provider is read
     * again every time.
     */
    Optional<Provider> find(String providerId) {
        Entry entry = entries.get(providerId);
        if (entry != null && System.nanoTime() - entry.readAtNanos() < TIME_TO_LIVE.toNanos()) {
            return Optional.of(entry.provider());
        }
        return read(providerId);
    }

    /**
     * The provider as stored now: a refusal by the rules is only given by rules read now.
     */
    Optional<Provider> read(String providerId) {
        long now = System.nanoTime();
        Optional<Provider> read = providers.find(providerId);
        read.ifPresentOrElse(provider -> entries.put(providerId, new Entry(provider, now)),
                () -> entries.remove(providerId));
        return read;
    }

    /**
     * The provider's version changed under a booking: its next booking reads the rules
     * again.
     */
    void forget(String providerId) {
        entries.remove(providerId);
    }

}
