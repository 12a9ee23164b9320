package dev.appointments.deploy.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.yaml.snakeyaml.Yaml;

/**
 * An image as jib writes it to {@code target/jib-image.tar} (an OCI image layout): its
 * configuration, and its layers unpacked into a directory that stands in for the
 * container's root file system.
 */
@SuppressWarnings("unchecked")
final class ImageTar {

    static final Path ROOT = Path.of("..");

    private static final Path WORK = Path.of("target/images");

    private final String name;

    private final Path layout;

    private final Map<String, Object> manifest;

    private final Map<String, Object> config;

    private final String reference;

    private final Path rootfs;

    private boolean unpacked;

    private ImageTar(String name, Path layout) {
        this.name = name;
        this.layout = layout;
        this.rootfs = layout.resolveSibling("rootfs");
        Map<String, Object> index = json(layout.resolve("index.json"));
        Map<String, Object> entry = ((List<Map<String, Object>>) index.get("manifests")).getFirst();
        this.reference = ((Map<String, String>) entry.get("annotations")).get("org.opencontainers.image.ref.name");
        this.manifest = json(blob((String) entry.get("digest")));
        this.config = json(blob((String) ((Map<String, Object>) manifest.get("config")).get("digest")));
    }

    private static final Map<String, ImageTar> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The image of a module of this repository, unpacked under
     * {@code target/images/<module>}; read once per JVM (the tars are tens of megabytes).
     */
    static ImageTar of(String module) {
        return READ.computeIfAbsent(module, ImageTar::read);
    }

    private static ImageTar read(String module) {
        Path tar = ROOT.resolve(module).resolve("target/jib-image.tar");
        if (!Files.isRegularFile(tar)) {
            throw new IllegalStateException(
                    tar.toAbsolutePath().normalize() + " is missing: the build writes it in the " + "package phase of "
                            + module + " (./mvnw -pl deploy -am verify)");
        }
        Path layout = WORK.resolve(module).resolve("layout");
        deleteRecursively(WORK.resolve(module));
        untar(tar, layout, false);
        return new ImageTar(module, layout);
    }

    String name() {
        return name;
    }

    /**
     * The reference the image was built for, e.g.
     * {@code appointments/request-service:0.1.0-SNAPSHOT}.
     */
    String reference() {
        return reference;
    }

    Map<String, Object> containerConfig() {
        return (Map<String, Object>) config.get("config");
    }

    List<String> entrypoint() {
        return listOf(containerConfig().get("Entrypoint"));
    }

    List<String> arguments() {
        return listOf(containerConfig().get("Cmd"));
    }

    List<String> environment() {
        return listOf(containerConfig().get("Env"));
    }

    String user() {
        return (String) containerConfig().get("User");
    }

    String workingDirectory() {
        return (String) containerConfig().get("WorkingDir");
    }

    Map<String, String> labels() {
        return (Map<String, String>) containerConfig().get("Labels");
    }

    List<String> exposedPorts() {
        return List.copyOf(((Map<String, Object>) containerConfig().get("ExposedPorts")).keySet());
    }

    /** The layers' history comments, in order: what jib put in each layer. */
    List<String> layerNames() {
        return ((List<Map<String, Object>>) config.get("history")).stream()
            .map(step -> (String) step.get("comment"))
            .toList();
    }

    /**
     * The container's file system without its base image: every layer unpacked in order
     * (on first use), as an absolute path.
     */
    synchronized Path rootfs() {
        if (!unpacked) {
            for (Map<String, Object> layer : (List<Map<String, Object>>) manifest.get("layers")) {
                untar(blob((String) layer.get("digest")), rootfs, true);
            }
            unpacked = true;
        }
        return rootfs.toAbsolutePath().normalize();
    }

    /** Where a process started from this image may write its log. */
    Path logFile() {
        return rootfs.resolveSibling(name + ".log");
    }

    /** The files in one directory of the image, e.g. {@code /app/libs}. */
    static List<String> fileNames(Path root, String directory) {
        try (var files = Files.list(root.resolve(directory.substring(1)))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Path blob(String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static Map<String, Object> json(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            // JSON is YAML: the build's YAML parser reads the image's JSON documents.
            return new Yaml().load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> listOf(Object value) {
        return value == null ? List.of() : new ArrayList<>((List<String>) value);
    }

    private static void untar(Path archive, Path into, boolean gzipped) {
        try (InputStream file = Files.newInputStream(archive);
                InputStream in = gzipped ? new GZIPInputStream(file) : file;
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            Path target = into.toAbsolutePath().normalize();
            Files.createDirectories(target);
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IllegalStateException("Entry outside the image root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                }
                else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
