package dev.appointments.resources;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedrivePolicyTests {

    private static final String ARN = "arn:aws:sqs:us-east-1:000000000000:appointment-requests-dlq";

    @Test
    void readsTheCountWhetherSqsGivesItAsANumberOrAString() {
        assertThat(RedrivePolicy.parse("{\"deadLetterTargetArn\":\"" + ARN + "\",\"maxReceiveCount\":5}"))
            .contains(new RedrivePolicy(ARN, 5));
        assertThat(RedrivePolicy.parse("{\"deadLetterTargetArn\":\"" + ARN + "\",\"maxReceiveCount\":\"5\"}"))
            .contains(new RedrivePolicy(ARN, 5));
    }

    @Test
    void namesTheDeadLetterQueueByTheLastPartOfItsArn() {
        assertThat(new RedrivePolicy(ARN, 5).deadLetterQueueName()).isEqualTo("appointment-requests-dlq");
    }

    @Test
    void writesWhatItReads() {
        RedrivePolicy policy = new RedrivePolicy(ARN, 3);

        assertThat(policy.toJson()).contains("\"maxReceiveCount\":\"3\"");
        assertThat(RedrivePolicy.parse(policy.toJson())).contains(policy);
    }

    @Test
    void isEmptyForAQueueWithoutAPolicyOrWithOneItCannotRead() {
        assertThat(RedrivePolicy.parse(null)).isEmpty();
        assertThat(RedrivePolicy.parse(" ")).isEmpty();
        assertThat(RedrivePolicy.parse("not json")).isEmpty();
        assertThat(RedrivePolicy.parse("{\"deadLetterTargetArn\":\"" + ARN + "\"}")).isEmpty();
        assertThat(RedrivePolicy.parse("{\"deadLetterTargetArn\":\"" + ARN + "\",\"maxReceiveCount\":\"many\"}"))
            .isEmpty();
    }

}
