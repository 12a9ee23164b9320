package dev.appointments.benchmarks.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline benchmark at smoke size, so that it keeps working between full runs; its
 * figures are not judged.
 */
class PipelineBenchmarkIntegrationTests {

    @Test
    void confirmsEveryBookingOfEveryPhaseAndWritesTheReport() throws Exception {
        PipelineBenchmark.Result result = PipelineBenchmark
            .run(PipelineBenchmark.Options.parse("--bookings", "200", "--warmup-bookings", "20", "--steady-seconds",
                    "3", "--read-seconds", "1", "--report", "target/pipeline-benchmark-smoke"));

        assertThat(result.phases()).extracting(Phase::name)
            .containsExactly("system burst", "raw harness burst", "minimal harness burst", "system steady");
        assertThat(result.phases()).allSatisfy(phase -> assertThat(phase.confirmed()).isEqualTo(phase.bookings()));
        assertThat(result.reads()).hasSize(4).allSatisfy((name, read) -> assertThat(read.errors()).isZero());
        assertThat(result.markdown()).content().contains("System/raw", "GET appointment (query-service)");
        assertThat(result.json()).content().contains("\"systemToRaw\"");
    }

}
