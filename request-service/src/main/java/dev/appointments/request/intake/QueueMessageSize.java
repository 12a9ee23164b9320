package dev.appointments.request.intake;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The size SQS counts for a message: the body plus each attribute's name, data type and
 * value. SQS refuses messages over 256 KiB; checking before sending turns that into a
 * clear answer to the caller instead of a failed send.
 */
final class QueueMessageSize {

    /** The SQS limit on a message, body and attributes together. */
    static final int SQS_LIMIT_BYTES = 256 * 1024;

    /** Room for the attributes added on the way out, such as the trace context. */
    static final int RESERVED_BYTES = 1024;

    private static final int STRING_TYPE_BYTES = "String".length();

    private QueueMessageSize() {
    }

    static long of(String body, Map<String, String> attributes) {
        long size = utf8(body);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            size += utf8(attribute.getKey()) + STRING_TYPE_BYTES + utf8(attribute.getValue());
        }
        return size;
    }

    /**
     * Whether a message of this body and these attributes fits under {@code limit} with
     * the reserve to spare.
     */
    static boolean fits(String body, Map<String, String> attributes, int limit) {
        return of(body, attributes) + RESERVED_BYTES <= limit;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

}
