package dev.appointments.request.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;

import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.store.provider.Providers;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * On the local run, two providers a newcomer can book at once: {@code demo-auto} confirms
 * every booking, {@code demo-manual} waits 15 minutes for the provider's confirmation.
 * Both in New York, Monday to Friday 09:00-17:00, 15-minute slots, the other rules at
 * their defaults. Existing providers of those ids are left alone.
 */
@Component
@Profile("local")
class DemoProviders implements ApplicationRunner {

    private final Providers providers;

    private final Clock clock;

    DemoProviders(Providers providers, Clock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var hours = ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        var auto = ProviderRules.withDefaults("Demo clinic (confirms at once)", "America/New_York", hours)
            .withConfirmation(true, ProviderRules.DEFAULT_CONFIRMATION_TIMEOUT);
        var manual = ProviderRules.withDefaults("Demo clinic (confirms by hand)", "America/New_York", hours)
            .withConfirmation(false, Duration.ofMinutes(15));
        // A provider of the same id, perhaps changed by an admin, is kept as it is.
        providers.create("demo-auto", auto, clock.instant());
        providers.create("demo-manual", manual, clock.instant());
    }

}
