package dev.appointments.deploy.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A container without a container engine: the image's entry point and arguments, run by
 * the JVM of this build with the image's environment and working directory, where every
 * path of the image ({@code /app/...}) is read under the directory its layers were
 * unpacked into. What runs is exactly what the image holds; only the JRE is the local one
 * (the base image's, a Temurin 21 JRE, is not fetched: the build reaches no registry).
 */
final class ImageProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;

    private final Process process;

    private final Path log;

    private ImageProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the image's entry point with extra environment variables. */
    static ImageProcess start(ImageTar image, Map<String, String> environment) {
        Path root = image.rootfs();
        List<String> command = new ArrayList<>();
        List<String> entrypoint = new ArrayList<>(image.entrypoint());
        entrypoint.addAll(image.arguments());
        for (int i = 0; i < entrypoint.size(); i++) {
            String argument = entrypoint.get(i);
            if (i == 0) {
                if (!argument.equals("java")) {
                    throw new IllegalStateException(image.name() + " does not start with java: " + entrypoint);
                }
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            }
            else if (argument.startsWith("@/")) {
                command.add("@" + rootedArgumentFile(root, argument.substring(1)));
            }
            else {
                command.add(argument);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(root.resolve(image.workingDirectory().substring(1)).toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        for (String variable : image.environment()) {
            int equals = variable.indexOf('=');
            builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        builder.environment().putAll(environment);
        Path log = image.logFile();
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new ImageProcess(image.name(), builder.start(), log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Polls {@code url} until its answer satisfies {@code ready}; fails with the
     * process's log otherwise.
     */
    HttpResponse<String> awaitAnswer(URI url, Predicate<HttpResponse<String>> ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                last = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.test(last)) {
                    return last;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(name + " did not answer " + url + " as expected within " + timeout + " (last: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()) + "):\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException ex) {
            return "(no log: " + ex + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30),
                    java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * A copy of an argument file of the image (the class path) whose absolute paths point
     * into {@code root}.
     */
    private static Path rootedArgumentFile(Path root, String imagePath) {
        try {
            Path original = root.resolve(imagePath.substring(1));
            String rooted = Files.readString(original).replace("/app/", root.resolve("app") + "/");
            Path copy = original.resolveSibling(original.getFileName() + ".rooted");
            Files.writeString(copy, rooted);
            return copy;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

}
