package dev.appointments.query.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Dead letters of one queue, peeked at: they are all still in the dead-letter queue.
 *
 * @param queue the work queue
 * @param deadLetterQueue the queue they were read from
 * @param messages the oldest first, at most the limit asked for
 */
record DeadLettersView(String queue, String deadLetterQueue, List<DeadLetter> messages) {

    /**
     * One dead letter as SQS holds it.
     *
     * @param messageId SQS's id of the message
     * @param body the body, unchanged
     * @param attributes the message attributes (String and Number as text, Binary as
     * Base64)
     * @param receiveCount SQS's ApproximateReceiveCount: the receives on the work queue,
     * plus one per peek
     * @param firstReceivedAt when the message was first received from the work queue
     * @param sentAt when the producer sent it
     * @param sourceQueue the queue it was dead-lettered from, when SQS says
     */
    record DeadLetter(String messageId, String body, Map<String, String> attributes, int receiveCount,
            Instant firstReceivedAt, Instant sentAt, String sourceQueue) {
    }
}
