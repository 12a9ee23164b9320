package dev.appointments.binder.sqs.properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQS settings of a producer binding:
 * {@code spring.cloud.stream.sqs.bindings.<binding>.producer.*}. The queue attributes
 * inherited from {@link SqsQueueProperties} apply only when this binding creates the
 * queue; an existing queue belongs to its consumer binding or to the infrastructure code.
 */
public class SqsProducerProperties extends SqsQueueProperties {

    /**
     * Headers sent as message attributes (simple patterns with {@code *}); SQS takes at
     * most 10 attributes per message, so everything else, Spring's {@code id} and
     * {@code timestamp} included, stays behind.
     */
    private List<String> headerPatterns = new ArrayList<>(
            List.of("type", "requestId", "correlationId", "traceparent", "tracestate", "baggage", "contentType"));

    /** How long a send may take before it fails. */
    private Duration sendTimeout = Duration.ofSeconds(10);

    public List<String> getHeaderPatterns() {
        return headerPatterns;
    }

    public void setHeaderPatterns(List<String> headerPatterns) {
        this.headerPatterns = headerPatterns;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

}
