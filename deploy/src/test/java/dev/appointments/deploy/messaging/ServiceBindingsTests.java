package dev.appointments.deploy.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.appointments.resources.Queues;
import dev.appointments.resources.QueueDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every binding a service declares sends to or receives from a queue that the
 * infrastructure creates: where queues are not created by the binder (every deployment),
 * a binding to any other name fails at start and retries forever. A binding declared in
 * {@code output-bindings} is named exactly as written, so it must be the name
 * StreamBridge sends to ({@code ...-out-0}), whose destination the configuration sets.
 */
class ServiceBindingsTests {

    private static final Set<String> QUEUES = Queues.all()
        .stream()
        .map(QueueDefinition::name)
        .collect(Collectors.toSet());

    @ParameterizedTest
    @ValueSource(strings = { "request-service", "confirmation-service", "reminder-service" })
    void everyDeclaredBindingIsAQueueOfTheSystem(String service) throws IOException {
        Map<String, Object> stream = stream(service);
        Map<String, Object> bindings = map(stream.get("bindings"));
        String declared = (String) stream.get("output-bindings");
        List<String> outputs = declared == null ? List.of() : List.of(declared.split(";"));

        for (String output : outputs) {
            assertThat(bindings).as("%s declares output binding %s", service, output).containsKey(output);
        }
        assertThat(bindings).as("%s has bindings", service).isNotEmpty();
        bindings.forEach((name, binding) -> assertThat(map(binding).get("destination"))
            .as("%s: destination of binding %s", service, name)
            .isIn(QUEUES.toArray()));
    }

    /**
     * {@code spring.cloud.stream} of the file's first document, the one without a
     * profile.
     */
    private static Map<String, Object> stream(String service) throws IOException {
        String file = Files.readString(Path.of("..", service, "src/main/resources", service + ".yml"));
        Map<String, Object> first = map(new Yaml().loadAll(file).iterator().next());
        return map(map(map(first.get("spring")).get("cloud")).get("stream"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

}
