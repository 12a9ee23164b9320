package dev.appointments.benchmarks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * Writes the figures as Markdown for people and JSON for tools, with each figure's ratio
 * to the baseline.
 */
final class Reports {

    private Reports() {
    }

    static void write(Path base, Map<String, Object> context, List<Measurement> results) throws IOException {
        Files.createDirectories(base.toAbsolutePath().getParent());
        StringBuilder markdown = new StringBuilder("# DynamoDB engine benchmark\n\n");
        context.forEach((key, value) -> markdown.append("- ").append(key).append(": ").append(value).append('\n'));
        markdown.append("\n| workload | client threads | ops/s | p50 ms | p99 ms | errors | ratio to baseline |\n")
            .append("|---|---|---|---|---|---|---|\n");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (Measurement result : results) {
            double baseline = results.stream()
                .filter(m -> m.threads() == result.threads() && m.workload().startsWith("baseline"))
                .findFirst()
                .map(Measurement::perSecond)
                .orElse(Double.NaN);
            double ratio = result.perSecond() / baseline;
            markdown
                .append("| %s | %d | %,.0f | %.2f | %.2f | %d | %.2f |%n".formatted(result.workload(), result.threads(),
                        result.perSecond(), result.p50Nanos() / 1e6, result.p99Nanos() / 1e6, result.errors(), ratio));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("workload", result.workload());
            row.put("threads", result.threads());
            row.put("opsPerSecond", Math.round(result.perSecond()));
            row.put("p50Millis", result.p50Nanos() / 1e6);
            row.put("p99Millis", result.p99Nanos() / 1e6);
            row.put("errors", result.errors());
            row.put("ratioToBaseline", ratio);
            rows.add(row);
        }
        Files.writeString(Path.of(base + ".md"), markdown);
        Map<String, Object> json = new LinkedHashMap<>(context);
        json.put("results", rows);
        Files.writeString(Path.of(base + ".json"),
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
    }

}
