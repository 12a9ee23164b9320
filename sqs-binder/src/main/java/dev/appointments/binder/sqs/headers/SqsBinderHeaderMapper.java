package dev.appointments.binder.sqs.headers;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.appointments.binder.sqs.SqsBinderHeaders;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.support.converter.MessageAttributeDataTypes;
import io.awspring.cloud.sqs.support.converter.SqsHeaderMapper;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.util.PatternMatchUtils;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Maps message attributes to headers and back. Incoming: every attribute becomes a header
 * of the same name, String and Number attributes as String values, Binary ones as bytes.
 * Outgoing: only headers that match the binding's patterns become String (or Binary)
 * attributes, because SQS takes ten attributes at most and Spring adds headers of its
 * own.
 */
final class SqsBinderHeaderMapper extends SqsHeaderMapper {

    /** SQS refuses messages with more message attributes. */
    private static final int MAX_ATTRIBUTES = 10;

    private final List<String> outgoingPatterns;

    SqsBinderHeaderMapper(List<String> outgoingPatterns) {
        this.outgoingPatterns = List.copyOf(outgoingPatterns);
    }

    @Override
    public MessageHeaders toHeaders(Message source) {
        // Number attributes would be parsed into a class named by the sender; keep their
        // text instead.
        Map<String, MessageAttributeValue> attributes = source.messageAttributes()
            .entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> asText(entry.getValue())));
        MessageHeaderAccessor headers = new MessageHeaderAccessor();
        headers.copyHeaders(super.toHeaders(source.toBuilder().messageAttributes(attributes).build()));
        // The message as received: what goes to a dead-letter queue keeps its attributes'
        // own data types.
        headers.setHeader(SqsHeaders.SQS_SOURCE_DATA_HEADER, source);
        return headers.getMessageHeaders();
    }

    private static MessageAttributeValue asText(MessageAttributeValue value) {
        if (value.dataType() != null && value.dataType().startsWith(MessageAttributeDataTypes.BINARY)) {
            return value;
        }
        return MessageAttributeValue.builder()
            .dataType(MessageAttributeDataTypes.STRING)
            .stringValue(value.stringValue())
            .build();
    }

    @Override
    public Message fromHeaders(MessageHeaders headers) {
        Map<String, Object> selected = new HashMap<>();
        headers.forEach((name, value) -> {
            if (isSent(name) && value != null) {
                Object attribute = attributeValue(value);
                if (!(attribute instanceof String text) || !text.isEmpty()) {
                    selected.put(name, attribute);
                }
            }
        });
        if (selected.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("SQS takes at most " + MAX_ATTRIBUTES
                    + " message attributes, but these headers match the binding's header-patterns: "
                    + selected.keySet());
        }
        Integer delay = DelaySeconds.of(headers.get(SqsBinderHeaders.DELAY_SECONDS));
        if (delay != null) {
            selected.put(SqsHeaders.SQS_DELAY_HEADER, delay);
        }
        return super.fromHeaders(new SelectedHeaders(selected, headers.getId()));
    }

    private boolean isSent(String name) {
        return !MessageHeaders.ID.equals(name) && !MessageHeaders.TIMESTAMP.equals(name)
                && !SqsBinderHeaders.DELAY_SECONDS.equals(name) && !name.startsWith(SqsHeaders.SQS_HEADER_PREFIX)
                && PatternMatchUtils.simpleMatch(outgoingPatterns.toArray(String[]::new), name);
    }

    private static Object attributeValue(Object value) {
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (value instanceof ByteBuffer) {
            return value;
        }
        return value.toString();
    }

    /**
     * Headers that keep the original message id, which the send uses to correlate its
     * result.
     */
    private static final class SelectedHeaders extends MessageHeaders {

        private SelectedHeaders(Map<String, Object> headers, UUID id) {
            super(headers, id, null);
        }

    }

}
