package dev.appointments.binder.sqs.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.binder.sqs.SqsBinderHeaders;
import org.slf4j.MDC;
import org.springframework.messaging.MessageHeaders;

/**
 * Puts the message's {@code requestId} and {@code type} into the SLF4J MDC for as long as
 * the function runs, so that every log line about the message names the command; closing
 * restores what the thread had before.
 */
final class MessageMdc implements AutoCloseable {

    private static final List<String> KEYS = List.of(SqsBinderHeaders.REQUEST_ID, SqsBinderHeaders.TYPE);

    /**
     * Header values come from outside; a log line must not carry an arbitrarily long one.
     */
    private static final int MAX_LENGTH = 128;

    private final Map<String, String> previous = new HashMap<>();

    private MessageMdc(MessageHeaders headers) {
        for (String key : KEYS) {
            Object value = headers.get(key);
            if (value != null) {
                previous.put(key, MDC.get(key));
                String text = value.toString();
                MDC.put(key, text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
            }
        }
    }

    static MessageMdc of(MessageHeaders headers) {
        return new MessageMdc(headers);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            }
            else {
                MDC.put(key, value);
            }
        });
    }

}
