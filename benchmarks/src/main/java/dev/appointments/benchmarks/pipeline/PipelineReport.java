package dev.appointments.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the pipeline figures as Markdown for people and JSON for tools, with the ratios
 * of the same run.
 */
final class PipelineReport {

    /**
     * Callers of the system's calls, in the order of the pipeline; {@code other} is
     * everything in the background.
     */
    private static final List<String> SYSTEM = List.of(ApiCalls.REQUEST_STAGE, ApiCalls.CONFIRMATION_STAGE,
            ApiCalls.REMINDER_STAGE, ApiCalls.OTHER);

    private static final List<String> RAW = List.of("raw-request", "raw-confirmation");

    private static final List<String> MINIMAL = List.of("minimal");

    private PipelineReport() {
    }

    static void write(Path markdown, Path json, Map<String, Object> context, List<Phase> phases,
            Map<String, ClosedLoop.Result> reads) throws IOException {
        Phase system = find(phases, "system burst");
        Phase raw = find(phases, "raw harness burst");
        Phase minimal = find(phases, "minimal harness burst");
        Phase steady = find(phases, "system steady");
        StringBuilder md = new StringBuilder("# Booking pipeline benchmark\n\n");
        context.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));

        md.append("\n## Bookings to CONFIRMED\n\n")
            .append("| phase | bookings | seconds | bookings/s | ratio system/this | CPU ms per booking | "
                    + "CPU ms per booking, reminders included |\n|---|---|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            md.append("| %s | %d | %.2f | %.1f | %.2f | %.2f | %.2f |%n".formatted(phase.name(), phase.confirmed(),
                    phase.seconds(), phase.perSecond(), system.perSecond() / phase.perSecond(),
                    phase.cpuMillisPerBooking(), phase.cpuMillisPerBookingWithTail()));
        }
        md.append("\nSystem/raw **%.2f**, system/minimal **%.2f** (throughput, same run). "
            .formatted(system.perSecond() / raw.perSecond(), system.perSecond() / minimal.perSecond()))
            .append("CPU per booking system/raw %.2f, system/minimal %.2f.%n".formatted(
                    system.cpuMillisPerBooking() / raw.cpuMillisPerBooking(),
                    system.cpuMillisPerBooking() / minimal.cpuMillisPerBooking()));

        md.append(
                "\n## Latency from the send (ms)\n\n| phase | to | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            latencyRow(md, phase.name(), "outcome recorded", phase.toOutcome());
            latencyRow(md, phase.name(), phase.name().startsWith("system") ? "CONFIRMED" : "last stage done",
                    phase.toConfirmed());
        }

        md.append("\n## SDK calls per booking\n\nCounted by an AWS SDK execution interceptor on every client of the "
                + "JVM, services' included, from the first send until every queue of the phase was empty again. "
                + "`other` is background work (timer pollers, queue-depth gauges) and scales with time, not "
                + "bookings.\n\n");
        callTable(md, system, SYSTEM);
        md.append("\nSystem steady rate:\n\n");
        callTable(md, steady, SYSTEM);
        md.append("\nRaw harness:\n\n");
        callTable(md, raw, RAW);
        md.append("\nMinimal harness:\n\n");
        callTable(md, minimal, MINIMAL);

        md.append("\n## Reads\n\n| read | clients | req/s | p50 ms | p99 ms | max ms | errors | ratio to raw |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        List<Map.Entry<String, ClosedLoop.Result>> readList = new ArrayList<>(reads.entrySet());
        for (int i = 0; i < readList.size(); i++) {
            var read = readList.get(i).getValue();
            // Each service read is followed by its raw counterpart.
            double ratio = i % 2 == 0 && i + 1 < readList.size()
                    ? read.perSecond() / readList.get(i + 1).getValue().perSecond() : Double.NaN;
            md.append("| %s | %s | %,.0f | %.2f | %.2f | %.2f | %d | %s |%n".formatted(readList.get(i).getKey(),
                    context.get("readClients"), read.perSecond(), read.latencies().p50(), read.latencies().p99(),
                    read.latencies().max(), read.errors(), Double.isNaN(ratio) ? "" : "%.2f".formatted(ratio)));
        }
        Files.writeString(markdown, md);

        Map<String, Object> document = new LinkedHashMap<>(context);
        document.put("systemToRaw", system.perSecond() / raw.perSecond());
        document.put("systemToMinimal", system.perSecond() / minimal.perSecond());
        List<Map<String, Object>> phaseList = new ArrayList<>();
        for (Phase phase : phases) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("phase", phase.name());
            row.put("bookings", phase.bookings());
            row.put("confirmed", phase.confirmed());
            row.put("seconds", phase.seconds());
            row.put("perSecond", phase.perSecond());
            row.put("cpuMillisPerBooking", phase.cpuMillisPerBooking());
            row.put("cpuMillisPerBookingWithReminders", phase.cpuMillisPerBookingWithTail());
            row.put("toOutcome", phase.toOutcome());
            row.put("toConfirmed", phase.toConfirmed());
            row.put("callsPerBooking", phase.callsPerBooking(
                    phase.calls().keySet().stream().map(key -> key.split(" ")[0]).distinct().toArray(String[]::new)));
            phaseList.add(row);
        }
        document.put("phases", phaseList);
        Map<String, Object> readRows = new LinkedHashMap<>();
        reads.forEach((name, read) -> readRows.put(name,
                Map.of("perSecond", read.perSecond(), "latencies", read.latencies(), "errors", read.errors())));
        document.put("reads", readRows);
        Files.writeString(json,
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(document));
    }

    private static void latencyRow(StringBuilder md, String phase, String to, Latencies latencies) {
        if (latencies != null && latencies.count() > 0) {
            md.append("| %s | %s | %.1f | %.1f | %.1f | %.1f |%n".formatted(phase, to, latencies.p50(), latencies.p95(),
                    latencies.p99(), latencies.max()));
        }
    }

    /**
     * One row per caller and service, the operations in a cell:
     * {@code GetItem 3.00, TransactWriteItems 1.00}.
     */
    private static void callTable(StringBuilder md, Phase phase, List<String> callers) {
        md.append(
                "| caller | DynamoDB calls | DynamoDB operations | SQS calls | SQS operations |\n|---|---|---|---|---|\n");
        double dynamoDb = 0;
        double sqs = 0;
        for (String caller : callers) {
            Map<String, Double> calls = phase.callsPerBooking(caller);
            if (calls.isEmpty()) {
                continue;
            }
            double callerDb = phase.totalPerBooking("DynamoDb", caller);
            double callerSqs = phase.totalPerBooking("Sqs", caller);
            md.append("| %s | %.2f | %s | %.2f | %s |%n".formatted(caller, callerDb, operations(calls, "DynamoDb"),
                    callerSqs, operations(calls, "Sqs")));
            if (!caller.equals(ApiCalls.OTHER)) {
                dynamoDb += callerDb;
                sqs += callerSqs;
            }
        }
        md.append("| **per booking, %s** | **%.2f** | | **%.2f** | |%n"
            .formatted(callers.contains(ApiCalls.OTHER) ? "background excluded" : "all", dynamoDb, sqs));
    }

    private static String operations(Map<String, Double> calls, String service) {
        List<String> cells = new ArrayList<>();
        for (String key : new TreeSet<>(calls.keySet())) {
            String[] parts = key.split(" ");
            if (parts[1].equals(service)) {
                cells.add("%s %.2f".formatted(parts[2], calls.get(key)));
            }
        }
        return String.join(", ", cells);
    }

    private static Phase find(List<Phase> phases, String name) {
        return phases.stream().filter(phase -> phase.name().equals(name)).findFirst().orElseThrow();
    }

}
