package dev.appointments.binder.sqs.headers;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Passes bodies through as text. Spring Cloud Stream has already serialized the payload
 * by its content type (into bytes) on the way out and converts the text itself on the way
 * in, so no second JSON conversion may happen here.
 */
final class TextPayloadConverter implements MessageConverter {

    @Override
    public Object fromMessage(Message<?> message, Class<?> targetClass) {
        return text(message.getPayload());
    }

    @Override
    public Message<?> toMessage(Object payload, MessageHeaders headers) {
        return MessageBuilder.createMessage(text(payload), headers);
    }

    private static String text(Object payload) {
        if (payload instanceof String text) {
            return text;
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("An SQS message body is text; the binder sends String or byte[] payloads,"
                + " not " + payload.getClass().getName() + " (leave useNativeEncoding false so that the content type"
                + " converts it)");
    }

}
