package dev.appointments.localrun;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlMetricNamesTests {

    @Test
    void findsMetricsButNotFunctionsLabelsKeywordsOrRanges() {
        assertThat(PromQlMetricNames.in("sum by (job, queue) (rate(sqs_binder_messages_failed_total[$__rate_interval]))"
                + " / sum by (job, queue) (rate(sqs_binder_messages_received_total{queue!~\"x-.*\"}[5m])) > 0.05"))
            .containsExactly("sqs_binder_messages_failed_total", "sqs_binder_messages_received_total");
    }

    @Test
    void findsBareMetricsAndBothSidesOfComparisons() {
        assertThat(PromQlMetricNames.in("count by (queue) (up != up) > 0 and on (queue) other_metric offset 5m"))
            .containsExactly("up", "other_metric");
        assertThat(PromQlMetricNames.in("histogram_quantile(0.95, sum by (le) (rate(a_seconds_bucket[5m])))"))
            .containsExactly("a_seconds_bucket");
    }

}
