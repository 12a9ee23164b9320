package dev.appointments.faults.fleet;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples every instance's readiness probe once a second on its own thread: what a load
 * balancer or Kubernetes would see during a fault.
 */
public final class ReadinessWatch implements AutoCloseable {

    private final List<ServiceProcess> instances;

    private final Map<String, String> latest = new ConcurrentHashMap<>();

    private final Thread thread;

    private volatile boolean stopped;

    public ReadinessWatch(List<ServiceProcess> instances) {
        this.instances = List.copyOf(instances);
        this.thread = Thread.ofPlatform().name("readiness-watch").daemon().start(this::watch);
    }

    private void watch() {
        while (!stopped) {
            instances.parallelStream().forEach(instance -> {
                String status = instance.readiness();
                latest.put(instance.toString(), status);
            });
            try {
                Thread.sleep(Duration.ofSeconds(1));
            }
            catch (InterruptedException ex) {
                return;
            }
        }
    }

    /** The last status each instance reported. */
    public Map<String, String> latest() {
        return new LinkedHashMap<>(latest);
    }

    /** Instances whose last report was not UP. */
    public List<String> notUp() {
        return latest.entrySet()
            .stream()
            .filter(entry -> !"UP".equals(entry.getValue()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }

}
