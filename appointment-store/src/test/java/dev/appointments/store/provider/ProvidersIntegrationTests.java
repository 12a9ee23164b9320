package dev.appointments.store.provider;

import java.time.Instant;
import java.util.UUID;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.store.DynamoDbCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedEnginesExtension.class)
class ProvidersIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final Providers providers = new Providers(EmbeddedEngines.shared().dynamoDb(), DynamoDbCalls.DIRECT);

    @Test
    void replacesRulesAtTheExpectedVersionOnly() {
        String id = "provider-" + UUID.randomUUID();
        providers.save(id, rules("First"), NOW);

        var replaced = providers.replace(id, rules("Second"), 1, NOW.plusSeconds(1));
        var stale = providers.replace(id, rules("Third"), 1, NOW.plusSeconds(2));

        assertThat(replaced).hasValueSatisfying(provider -> assertThat(provider.version()).isEqualTo(2));
        assertThat(stale).isEmpty();
        assertThat(providers.find(id)).hasValueSatisfying(provider -> {
            assertThat(provider.rules().name()).isEqualTo("Second");
            assertThat(provider.version()).isEqualTo(2);
        });
    }

    @Test
    void replacesNoProviderThatIsMissing() {
        String id = "provider-" + UUID.randomUUID();

        assertThat(providers.replace(id, rules("Ghost"), 0, NOW)).isEmpty();
        assertThat(providers.find(id)).isEmpty();
    }

    private static ProviderRules rules(String name) {
        return ProviderRules.withDefaults(name, "America/New_York",
                ProviderRules.mondayToFriday(TimeRange.of("09:00", "17:00")));
    }
}
