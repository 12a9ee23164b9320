package dev.appointments.timers.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.appointments.timers.Timer;
import dev.appointments.timers.TimerSender;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Releases a due timer to the queue it names as it was scheduled: its body, and its
 * attributes as String message attributes. A failed or slow send throws, and the timer is
 * released again after its claim expires.
 */
final class SqsTimerSender implements TimerSender {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final SqsAsyncClient sqs;

    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    SqsTimerSender(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public void send(Timer timer) {
        String queueUrl = queueUrls.computeIfAbsent(timer.queue(),
                queue -> sqs.getQueueUrl(request -> request.queueName(queue))
                    .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .join()
                    .queueUrl());
        Map<String, MessageAttributeValue> attributes = timer.attributes()
            .entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> MessageAttributeValue.builder().dataType("String").stringValue(entry.getValue()).build()));
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(timer.body()).messageAttributes(attributes))
            .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .join();
    }

}
