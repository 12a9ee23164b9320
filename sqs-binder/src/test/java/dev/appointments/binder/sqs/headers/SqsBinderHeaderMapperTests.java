package dev.appointments.binder.sqs.headers;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.binder.sqs.SqsBinderHeaders;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.MimeTypeUtils;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsBinderHeaderMapperTests {

    private final SqsBinderHeaderMapper mapper = new SqsBinderHeaderMapper(
            List.of("type", "requestId", "traceparent", "contentType", "x-*"));

    @Test
    void sendsOnlyTheHeadersMatchingThePatternsAsTextAttributes() {
        Message message = mapper.fromHeaders(new MessageHeaders(Map.of("type", "Ping", "requestId", "req-1", "x-count",
                3, "contentType", MimeTypeUtils.APPLICATION_JSON, "internal", "stays",
                SqsHeaders.SQS_RECEIPT_HANDLE_HEADER, "handle")));

        assertThat(message.messageAttributes()).containsOnlyKeys("type", "requestId", "x-count", "contentType");
        assertThat(message.messageAttributes().get("x-count")).isEqualTo(text("3"));
        assertThat(message.messageAttributes().get("contentType")).isEqualTo(text("application/json"));
    }

    @Test
    void sendsBytesAsABinaryAttribute() {
        Message message = mapper.fromHeaders(new MessageHeaders(Map.of("x-raw", new byte[] { 1, 2 })));

        assertThat(message.messageAttributes().get("x-raw").binaryValue())
            .isEqualTo(SdkBytes.fromByteArray(new byte[] { 1, 2 }));
    }

    @Test
    void turnsTheDelayHeaderIntoTheSendsDelay() {
        Message message = mapper.fromHeaders(new MessageHeaders(Map.of(SqsBinderHeaders.DELAY_SECONDS, 30)));

        assertThat(message.messageAttributes()).containsOnlyKeys(SqsHeaders.SQS_DELAY_HEADER);
        assertThat(message.messageAttributes().get(SqsHeaders.SQS_DELAY_HEADER).stringValue()).isEqualTo("30");
    }

    @Test
    void refusesMoreAttributesThanSqsTakes() {
        Map<String, Object> headers = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            headers.put("x-" + i, "value");
        }

        assertThatThrownBy(() -> mapper.fromHeaders(new MessageHeaders(headers)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at most 10");
    }

    @Test
    void receivesEveryAttributeAsAHeaderWithNumbersAsText() {
        Message received = Message.builder()
            .messageId("4b6c1f4e-2f0b-4b8e-9a55-0d9e3c1a7e10")
            .receiptHandle("handle")
            .body("{}")
            .messageAttributes(Map.of("type", text("Ping"), "attempt",
                    MessageAttributeValue.builder().dataType("Number.java.lang.Integer").stringValue("2").build(),
                    "raw",
                    MessageAttributeValue.builder()
                        .dataType("Binary")
                        .binaryValue(SdkBytes.fromByteBuffer(ByteBuffer.wrap(new byte[] { 7 })))
                        .build()))
            .build();

        MessageHeaders headers = mapper.toHeaders(received);

        assertThat(headers).containsEntry("type", "Ping").containsEntry("attempt", "2");
        assertThat(headers.get("raw")).isEqualTo(SdkBytes.fromByteArray(new byte[] { 7 }));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

}
