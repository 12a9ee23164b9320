package dev.appointments.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The consumers of the harnesses: threads that each receive up to ten messages, handle
 * them in turn and delete the handled ones in one batch. A message that fails stays on
 * its queue, as with a listener.
 */
final class StageThreads {

    private final int concurrency;

    private final AtomicBoolean running = new AtomicBoolean(true);

    private final List<Thread> threads = new ArrayList<>();

    StageThreads(int concurrency) {
        this.concurrency = concurrency;
    }

    interface Handler {

        void handle(Message message);

    }

    void stage(SqsClient sqs, String queueUrl, Handler handler) {
        for (int t = 0; t < concurrency; t++) {
            threads.add(Thread.ofPlatform().name("raw-stage-" + t).start(() -> {
                while (running.get()) {
                    List<Message> messages = sqs
                        .receiveMessage(receive -> receive.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                        .messages();
                    List<DeleteMessageBatchRequestEntry> handled = new ArrayList<>();
                    for (Message message : messages) {
                        try {
                            handler.handle(message);
                        }
                        catch (RuntimeException ex) {
                            // Left on the queue, as a listener would: the visibility
                            // timeout brings it back.
                            System.err.println("Harness message failed: " + ex);
                            continue;
                        }
                        handled.add(DeleteMessageBatchRequestEntry.builder()
                            .id(message.messageId())
                            .receiptHandle(message.receiptHandle())
                            .build());
                    }
                    if (!handled.isEmpty()) {
                        sqs.deleteMessageBatch(delete -> delete.queueUrl(queueUrl).entries(handled));
                    }
                }
            }));
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }

}
