package dev.appointments.binder.sqs.headers;

import java.util.List;

import io.awspring.cloud.sqs.support.converter.SqsMessagingMessageConverter;

/**
 * The converters between SQS messages and Spring messages that the binder uses on each
 * side.
 */
public final class SqsMessageConverters {

    private SqsMessageConverters() {
    }

    /** For receiving: all attributes as headers, the body as a String payload. */
    public static SqsMessagingMessageConverter inbound() {
        SqsMessagingMessageConverter converter = new SqsMessagingMessageConverter();
        converter.setHeaderMapper(new SqsBinderHeaderMapper(List.of()));
        converter.setPayloadMessageConverter(new TextPayloadConverter());
        // Never let a sender choose the class to deserialize into; Spring Cloud Stream
        // converts by content type.
        converter.setPayloadTypeMapper(message -> null);
        return converter;
    }

    /**
     * For sending: the headers matching the patterns as attributes, the payload as the
     * body text.
     */
    public static SqsMessagingMessageConverter outbound(List<String> headerPatterns) {
        SqsMessagingMessageConverter converter = new SqsMessagingMessageConverter();
        converter.setHeaderMapper(new SqsBinderHeaderMapper(headerPatterns));
        converter.setPayloadMessageConverter(new TextPayloadConverter());
        converter.doNotSendPayloadTypeHeader();
        return converter;
    }

}
