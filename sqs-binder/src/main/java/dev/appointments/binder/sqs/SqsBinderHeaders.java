package dev.appointments.binder.sqs;

/**
 * Names of the message headers the binder gives a meaning to. On the wire each of them is
 * an SQS message attribute of the same name, except {@link #DELAY_SECONDS}, which becomes
 * the message's {@code DelaySeconds}.
 */
public final class SqsBinderHeaders {

    /** The command or event type, e.g. {@code RequestAppointment}. */
    public static final String TYPE = "type";

    /** The producer's idempotency key of the command. */
    public static final String REQUEST_ID = "requestId";

    /** Ties the messages that one request caused together. */
    public static final String CORRELATION_ID = "correlationId";

    /** W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    /** W3C trace context, vendor part. */
    public static final String TRACESTATE = "tracestate";

    /** W3C baggage. */
    public static final String BAGGAGE = "baggage";

    /**
     * Delays the delivery of an outgoing message by this many seconds (an integer from 0
     * to {@value #MAX_DELAY_SECONDS}); a larger value makes the send fail with an
     * {@link IllegalArgumentException}.
     */
    public static final String DELAY_SECONDS = "sqsDelaySeconds";

    /** The longest delay SQS allows: 15 minutes. */
    public static final int MAX_DELAY_SECONDS = 900;

    private SqsBinderHeaders() {
    }

}
