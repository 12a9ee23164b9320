package dev.appointments.benchmarks.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import dev.appointments.resources.Queues;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Sends bookings to the running system's appointment-requests queue, in a burst or at a
 * steady rate, and times them until every outcome is recorded and every appointment
 * CONFIRMED; {@link Verification} then reads DynamoDB to check.
 */
final class SystemRun {

    private static final List<String> QUEUES = List.of(Queues.APPOINTMENT_REQUESTS, Queues.APPOINTMENT_CONFIRMATIONS,
            Queues.APPOINTMENT_REMINDERS);

    private final SqsClient sqs;

    private final String queueUrl;

    private final Verification verification;

    SystemRun(SqsClient sqs, Verification verification) {
        this.sqs = sqs;
        this.queueUrl = sqs.getQueueUrl(get -> get.queueName(Queues.APPOINTMENT_REQUESTS)).queueUrl();
        this.verification = verification;
    }

    /** All commands at once, in batches of ten from four threads. */
    Phase burst(String name, List<Commands.Command> commands, Duration timeout) throws Exception {
        Tracker tracker = new Tracker();
        ApiCalls.listen(tracker);
        Meter meter = new Meter();
        try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
            List<Future<?>> sends = new ArrayList<>();
            for (int from = 0; from < commands.size(); from += 10) {
                List<Commands.Command> batch = commands.subList(from, Math.min(commands.size(), from + 10));
                sends.add(senders.submit(() -> sendBatch(batch, tracker)));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        }
        return finish(name, commands.size(), tracker, meter, timeout);
    }

    /**
     * One command every 1/rate seconds, each by SendMessage as independent producers
     * would send them.
     */
    Phase steady(String name, List<Commands.Command> commands, double perSecond, Duration timeout) throws Exception {
        Tracker tracker = new Tracker();
        ApiCalls.listen(tracker);
        Meter meter = new Meter();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < commands.size(); i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                Commands.Command command = commands.get(i);
                senders.execute(() -> {
                    tracker.sent(command.requestId(), System.nanoTime());
                    sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(command.body()));
                });
            }
        }
        return finish(name, commands.size(), tracker, meter, timeout);
    }

    private void sendBatch(List<Commands.Command> batch, Tracker tracker) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .messageBody(batch.get(i).body())
                .build());
        }
        long now = System.nanoTime();
        batch.forEach(command -> tracker.sent(command.requestId(), now));
        var response = sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException("SQS refused " + response.failed().size() + " messages of a batch");
        }
    }

    private Phase finish(String name, int count, Tracker tracker, Meter meter, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!tracker.settled() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        Meter.Reading atConfirmed = meter.read();
        ApiCalls.listen(ApiCalls.Commits.NONE);
        QueueDrain.await(sqs, QUEUES, timeout);
        Meter.Reading drained = meter.read();
        Verification.Result checked = verification.check(tracker.requestIds());
        if (checked.confirmed() != count) {
            throw new IllegalStateException("%s: %d of %d bookings are CONFIRMED in DynamoDB (%s)".formatted(name,
                    checked.confirmed(), count, checked.otherwise()));
        }
        if (!tracker.settled()) {
            throw new IllegalStateException("%s: DynamoDB has every booking CONFIRMED but only %d confirmations were "
                    + "seen being written".formatted(name, tracker.confirmedCount()));
        }
        double seconds = (tracker.lastConfirmed() - tracker.firstSent()) / 1e9;
        return new Phase(name, count, checked.confirmed(), seconds, atConfirmed.cpuSeconds(), drained.cpuSeconds(),
                drained.calls(), tracker.toOutcome(), tracker.toConfirmed());
    }

}
