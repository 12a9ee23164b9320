package dev.appointments.request.intake;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueMessageSizeTests {

    @Test
    void countsTheBodyAndEachAttributeInUtf8Bytes() {
        // "é" is two bytes; each attribute counts its name, the data type "String" and
        // its value.
        assertThat(QueueMessageSize.of("é", Map.of("type", "Cancel"))).isEqualTo(2 + 4 + 6 + 6);
    }

    @Test
    void refusesAMessageThatWouldPassTheSqsLimit() {
        Map<String, String> attributes = Map.of("type", "RequestAppointment", "requestId", "req-1");
        String fits = "x".repeat(QueueMessageSize.SQS_LIMIT_BYTES - QueueMessageSize.RESERVED_BYTES
                - (int) QueueMessageSize.of("", attributes));

        assertThat(QueueMessageSize.fits(fits, attributes, QueueMessageSize.SQS_LIMIT_BYTES)).isTrue();
        assertThat(QueueMessageSize.fits(fits + "x", attributes, QueueMessageSize.SQS_LIMIT_BYTES)).isFalse();
        assertThat(QueueMessageSize.fits("é".repeat(QueueMessageSize.SQS_LIMIT_BYTES / 2), Map.of(),
                QueueMessageSize.SQS_LIMIT_BYTES))
            .isFalse();
    }

}
