package dev.appointments.faults.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a service: a child JVM started from the service's executable jar, as in
 * production. It keeps its HTTP port across restarts, so that callers find it again, and
 * appends everything it prints to one log file.
 */
public final class ServiceProcess {

    /**
     * Small heaps and the quick compiler only: several services share two cores with the
     * suite and the engines.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:+UseSerialGC", "-XX:+AutoCreateSharedArchive");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;

    private final int index;

    private final int port;

    private final Path logFile;

    private List<String> arguments;

    private Process process;

    private int starts;

    ServiceProcess(Service service, int index, int port, Path logDirectory) {
        this.service = service;
        this.index = index;
        this.port = port;
        this.logFile = logDirectory.resolve(service.artifactId() + "-" + index + ".log");
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path logFile() {
        return logFile;
    }

    /** How many times this instance was started, restarts included. */
    public int starts() {
        return starts;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    List<String> arguments() {
        return arguments;
    }

    /** Starts the JVM with these arguments, without waiting for it to be ready. */
    synchronized void start(List<String> arguments) {
        if (isAlive()) {
            throw new IllegalStateException(this + " runs already");
        }
        this.arguments = List.copyOf(arguments);
        restart();
    }

    /** Starts the JVM again with the arguments of its last start. */
    public synchronized void restart() {
        if (isAlive()) {
            throw new IllegalStateException(this + " runs already");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        // A class-data archive per instance, written when it stops normally and read by
        // its next start (this run's
        // or the next run's): starts take a good part less CPU. A stale or broken archive
        // is ignored and rewritten.
        command.add("-XX:SharedArchiveFile="
                + logFile.resolveSibling("cds").resolve(service.artifactId() + "-" + index + ".jsa"));
        command.add("-jar");
        command.add(ServiceJars.of(service).toString());
        command.addAll(arguments);
        command.add("--server.port=" + port);
        try {
            Files.createDirectories(logFile.resolveSibling("cds"));
            // A new run of the suite starts each log afresh; restarts within a run append
            // to it.
            Files.writeString(logFile,
                    "%n===== start %d of %s-%d =====%n".formatted(starts + 1, service.artifactId(), index),
                    java.nio.file.StandardOpenOption.CREATE,
                    starts == 0 ? java.nio.file.StandardOpenOption.TRUNCATE_EXISTING
                            : java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
            starts++;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + this, ex);
        }
    }

    /**
     * Waits until the readiness probe answers UP; fails early, with the log's tail, when
     * the JVM exits.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(this + " exited while starting; its log ends with:\n" + logTail(40));
            }
            if ("UP".equals(readiness())) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(
                this + " was not ready within " + timeout + "; its log ends with:\n" + logTail(40));
    }

    /**
     * The readiness probe's status: UP, DOWN, OUT_OF_SERVICE, or UNREACHABLE when nothing
     * answers.
     */
    public String readiness() {
        try {
            HttpResponse<String> response = HTTP
                .send(HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            int at = body.indexOf("\"status\":\"");
            return at < 0 ? "HTTP " + response.statusCode() : body.substring(at + 10, body.indexOf('"', at + 10));
        }
        catch (IOException ex) {
            return "UNREACHABLE";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    /** {@code kill -9}: the JVM gets no chance to finish anything. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** A graceful stop (SIGTERM), forced after 30 seconds. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(30))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    @Override
    public String toString() {
        return service.artifactId() + "-" + index + " (port " + port + ")";
    }

}
