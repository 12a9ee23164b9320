package dev.appointments.store.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

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
    void createsAProviderOnceAtVersionOne() {
        String id = "provider-" + UUID.randomUUID();

        assertThat(providers.create(id, rules("First"), NOW)).get().extracting(Provider::version).isEqualTo(1L);
        assertThat(providers.create(id, rules("Second"), NOW)).isEmpty();
        assertThat(providers.find(id).orElseThrow().rules().name()).isEqualTo("First");
    }

    @Test
    void ofConcurrentUpdatesFromOneVersionExactlyOneIsSaved() throws Exception {
        String id = "provider-" + UUID.randomUUID();
        providers.create(id, rules("Start"), NOW);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Optional<Provider>>> updates = IntStream.range(0, 12)
                .<Callable<Optional<Provider>>>mapToObj(i -> () -> providers.update(id, rules("Admin " + i), 1, NOW))
                .toList();
            List<Optional<Provider>> results = pool.invokeAll(updates)
                .stream()
                .map(ProvidersIntegrationTests::join)
                .toList();

            List<Provider> saved = results.stream().flatMap(Optional::stream).toList();
            assertThat(saved).hasSize(1);
            Provider stored = providers.find(id).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.rules().name()).isEqualTo(saved.getFirst().rules().name());
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUpdateOfAMissingProviderSavesNothing() {
        String id = "provider-" + UUID.randomUUID();

        assertThat(providers.update(id, rules("Ghost"), 0, NOW)).isEmpty();
        assertThat(providers.find(id)).isEmpty();
    }

    private static ProviderRules rules(String name) {
        return ProviderRules.withDefaults(name, "Europe/London",
                ProviderRules.mondayToFriday(TimeRange.of("09:00", "17:00")));
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
