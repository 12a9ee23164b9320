package dev.appointments.query.ops;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/**
 * Moves dead letters back to their work queue with SQS's own message move task
 * (StartMessageMoveTask), which moves them in the background, keeps bodies and
 * attributes, resets their receive count, and reports progress (ListMessageMoveTasks).
 * ElasticMQ 1.7.1 implements it too. The destination is always named: SQS could find it
 * from the messages' source, but ElasticMQ only finds queues whose redrive policy was set
 * when they were created.
 */
@Component
class Redrives {

    private static final Logger log = LoggerFactory.getLogger(Redrives.class);

    private static final String RUNNING = "RUNNING";

    private final QueueClient client;

    Redrives(QueueClient client) {
        this.client = client;
    }

    RedriveView start(String queue, Integer maxPerSecond) {
        String dlq = WatchedQueues.deadLetterQueueOf(queue);
        String dlqArn = client.arn(dlq);
        String queueArn = client.arn(queue);
        tasks(queue, dlqArn).stream().filter(task -> RUNNING.equals(task.status())).findFirst().ifPresent(running -> {
            throw new RedriveAlreadyRunning(RedriveView.of(queue, running));
        });
        String handle = client
            .await(dlq,
                    client.sqs()
                        .startMessageMoveTask(request -> request.sourceArn(dlqArn)
                            .destinationArn(queueArn)
                            .maxNumberOfMessagesPerSecond(maxPerSecond)))
            .taskHandle();
        log.info("Redrive of {} to {} started", dlq, queue);
        return find(queue, dlqArn, handle)
            .orElseGet(() -> new RedriveView(RedriveView.id(queue, handle), queue, dlq, RUNNING, 0, null, null, null));
    }

    /**
     * The redrive with this id, while SQS still lists it (the last ten per dead-letter
     * queue).
     */
    Optional<RedriveView> find(String queue, String taskHandle) {
        return find(queue, client.arn(WatchedQueues.deadLetterQueueOf(queue)), taskHandle);
    }

    private Optional<RedriveView> find(String queue, String dlqArn, String taskHandle) {
        return tasks(queue, dlqArn).stream()
            .filter(task -> taskHandle.equals(task.taskHandle()))
            .findFirst()
            .map(task -> RedriveView.of(queue, task));
    }

    private List<ListMessageMoveTasksResultEntry> tasks(String queue, String dlqArn) {
        String dlq = WatchedQueues.deadLetterQueueOf(queue);
        return client.await(dlq, client.sqs().listMessageMoveTasks(request -> request.sourceArn(dlqArn).maxResults(10)))
            .results();
    }

}
