package dev.appointments.query.provider;

import java.time.Instant;

import dev.appointments.rules.ProviderRules;
import dev.appointments.store.provider.Provider;

/**
 * A provider: its booking rules in the admin API's form, and their version.
 */
record ProviderView(String providerId, ProviderRules rules, long version, Instant updatedAt) {

    static ProviderView of(Provider provider) {
        return new ProviderView(provider.providerId(), provider.rules(), provider.version(), provider.updatedAt());
    }
}
