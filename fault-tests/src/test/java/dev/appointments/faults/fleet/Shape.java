package dev.appointments.faults.fleet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many instances of each service a scenario runs, and the arguments it adds to a
 * service's own.
 *
 * @param instances instances per service; a service not named runs none
 * @param arguments extra arguments per service
 */
public record Shape(Map<Service, Integer> instances, Map<Service, List<String>> arguments) {

    public Shape {
        instances = Map.copyOf(instances);
        arguments = Map.copyOf(arguments);
    }

    /** One instance of every service, with their own settings. */
    public static Shape oneOfEach() {
        return new Shape(Map.of(Service.REQUEST, 1, Service.CONFIRMATION, 1, Service.REMINDER, 1, Service.QUERY, 1),
                Map.of());
    }

    public Shape with(Service service, int count) {
        Map<Service, Integer> changed = new EnumMap<>(Service.class);
        changed.putAll(instances);
        changed.put(service, count);
        return new Shape(changed, arguments);
    }

    /**
     * This shape with the service's queue redelivering sooner and dead-lettering after
     * fewer receives.
     */
    public Shape withQueue(Service service, java.time.Duration visibilityTimeout, int maxReceiveCount) {
        String binding = "--spring.cloud.stream.sqs.bindings." + service.consumerBinding() + ".consumer.";
        return withArguments(service, List.of(binding + "visibility-timeout=" + visibilityTimeout.toSeconds() + "s",
                binding + "max-receive-count=" + maxReceiveCount));
    }

    /** This shape with these arguments added to the service's. */
    public Shape withArguments(Service service, List<String> extra) {
        Map<Service, List<String>> changed = new EnumMap<>(Service.class);
        changed.putAll(arguments);
        List<String> all = new java.util.ArrayList<>(argumentsOf(service));
        all.addAll(extra);
        changed.put(service, List.copyOf(all));
        return new Shape(instances, changed);
    }

    int instancesOf(Service service) {
        return instances.getOrDefault(service, 0);
    }

    List<String> argumentsOf(Service service) {
        return arguments.getOrDefault(service, List.of());
    }
}
