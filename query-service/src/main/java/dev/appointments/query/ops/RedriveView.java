package dev.appointments.query.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/**
 * A redrive: an SQS message move task from a dead-letter queue back to its work queue.
 *
 * @param id this API's id of the redrive: the queue and SQS's task handle, so any
 * instance of the service can answer for it without keeping state
 * @param queue the work queue the messages go back to
 * @param deadLetterQueue the queue they come from
 * @param status SQS's task status: RUNNING, COMPLETED, CANCELLING, CANCELLED or FAILED
 * @param moved messages moved so far
 * @param toMove messages in the dead-letter queue when the task started, when SQS says
 * @param startedAt when the task started
 * @param failureReason why it failed, when it did
 */
record RedriveView(String id, String queue, String deadLetterQueue, String status, long moved, Long toMove,
        Instant startedAt, String failureReason) {

    static RedriveView of(String queue, ListMessageMoveTasksResultEntry task) {
        return new RedriveView(id(queue, task.taskHandle()), queue, WatchedQueues.deadLetterQueueOf(queue),
                task.status(),
                task.approximateNumberOfMessagesMoved() == null ? 0 : task.approximateNumberOfMessagesMoved(),
                task.approximateNumberOfMessagesToMove(),
                task.startedTimestamp() == null ? null : Instant.ofEpochMilli(task.startedTimestamp()),
                task.failureReason());
    }

    static String id(String queue, String taskHandle) {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((queue + "\n" + taskHandle).getBytes(StandardCharsets.UTF_8));
    }

    /** The queue and task handle in an id, if it is one. */
    static Optional<String[]> parse(String id) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int newline = decoded.indexOf('\n');
            return newline <= 0 || newline == decoded.length() - 1 ? Optional.empty()
                    : Optional.of(new String[] { decoded.substring(0, newline), decoded.substring(newline + 1) });
        }
        catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
