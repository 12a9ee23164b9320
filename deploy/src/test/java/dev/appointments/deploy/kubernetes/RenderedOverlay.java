package dev.appointments.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.Yaml;

/**
 * One kustomize overlay as {@code kubectl kustomize} renders it (kept in
 * {@code target/kubernetes/<overlay>.yaml}), read as plain maps.
 */
@SuppressWarnings("unchecked")
final class RenderedOverlay {

    static final Path KUBERNETES = Path.of("kubernetes");

    private final List<Map<String, Object>> objects;

    private RenderedOverlay(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    /** Whether {@code kubectl} (with its built-in kustomize) is on the PATH. */
    static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Renders {@code kubernetes/<directory>} and keeps the output under
     * target/kubernetes.
     */
    static RenderedOverlay render(String directory) {
        try {
            Path output = Path.of("target/kubernetes", directory.replace('/', '-') + ".yaml");
            Files.createDirectories(output.getParent());
            Process process = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve(directory).toString())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
            String errors = new String(process.getErrorStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed: " + errors);
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object document : new Yaml().loadAll(Files.readString(output))) {
                if (document != null) {
                    objects.add((Map<String, Object>) document);
                }
            }
            return new RenderedOverlay(objects);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    List<Map<String, Object>> all() {
        return objects;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(name(object))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static String name(Map<String, Object> object) {
        return (String) metadata(object).get("name");
    }

    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    /** The first container of a Deployment's or Job's pod template. */
    static Map<String, Object> container(Map<String, Object> workload) {
        return ((List<Map<String, Object>>) podSpec(workload).get("containers")).getFirst();
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        Map<String, Object> spec = (Map<String, Object>) workload.get("spec");
        return (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
    }

    static Map<String, Object> path(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
            if (current == null) {
                throw new AssertionError("no " + String.join(".", keys));
            }
        }
        return current;
    }

}
