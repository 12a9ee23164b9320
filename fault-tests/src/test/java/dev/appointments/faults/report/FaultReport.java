package dev.appointments.faults.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault report: {@code target/fault-report.md} and {@code target/fault-report.json},
 * one row per scenario, rewritten after each scenario, so that a run cut short still
 * reports what it measured.
 */
public final class FaultReport {

    private static final List<ScenarioResult> ROWS = new ArrayList<>();

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private FaultReport() {
    }

    /**
     * Adds a scenario's row (replacing an earlier row of the same scenario) and rewrites
     * both files.
     */
    public static synchronized void record(ScenarioResult result) {
        ROWS.removeIf(row -> row.scenario().equals(result.scenario()));
        ROWS.add(result);
        write(Path.of(System.getProperty("fault.reportDirectory", "target")));
    }

    private static void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("fault-report.md"), markdown());
            Files.writeString(directory.resolve("fault-report.json"), json());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the fault report", ex);
        }
    }

    private static String markdown() {
        StringBuilder out = new StringBuilder("# Fault report\n\n").append("Written ")
            .append(Instant.now())
            .append(" by the fault-tests module.\n\n")
            .append("| scenario | scale | load | faults injected | lost | duplicated | double-booked "
                    + "| time to recover |\n")
            .append("|---|---|---|---|---:|---:|---:|---:|\n");
        for (ScenarioResult row : ROWS) {
            out.append("| ")
                .append(row.scenario())
                .append(" | ")
                .append(row.scale())
                .append(" | ")
                .append(row.load())
                .append(" | ")
                .append(row.faultsInjected())
                .append(" | ")
                .append(row.lost())
                .append(" | ")
                .append(row.duplicated())
                .append(" | ")
                .append(row.doubleBooked())
                .append(" | ")
                .append(seconds(row.timeToRecover()))
                .append(" |\n");
        }
        out.append("\n## Figures per scenario\n");
        for (ScenarioResult row : ROWS) {
            out.append("\n### ").append(row.scenario()).append("\n\n");
            row.figures()
                .forEach((name, value) -> out.append("- ").append(name).append(": ").append(value).append('\n'));
        }
        return out.toString();
    }

    private static String json() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScenarioResult row : ROWS) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scenario", row.scenario());
            json.put("scale", row.scale());
            json.put("load", row.load());
            json.put("faultsInjected", row.faultsInjected());
            json.put("lost", row.lost());
            json.put("duplicated", row.duplicated());
            json.put("doubleBooked", row.doubleBooked());
            json.put("timeToRecoverSeconds",
                    row.timeToRecover() == null ? null : row.timeToRecover().toMillis() / 1000.0);
            json.put("figures", row.figures());
            rows.add(json);
        }
        return JSON.writeValueAsString(Map.of("generatedAt", Instant.now().toString(), "scenarios", rows));
    }

    private static String seconds(Duration duration) {
        return duration == null ? "n/a" : "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

}
