package dev.appointments.query.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Peeks at dead letters without losing them. SQS has no peek: a message can only be read
 * by receiving it. So the browser receives with a short visibility timeout (so that one
 * peek does not see a message twice), never deletes, and at the end makes every message
 * it received visible again at once. If the service dies in between, SQS makes them
 * visible when the short timeout passes. The price: each peek adds one to a message's
 * ApproximateReceiveCount, which is harmless on a dead-letter queue (it has no redrive
 * policy of its own) and is reset when the message is redriven.
 */
@Component
class DeadLetterBrowser {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterBrowser.class);

    /**
     * Long enough to page through the queue in one request, short enough not to hold
     * messages from a redrive.
     */
    static final int PEEK_VISIBILITY_SECONDS = 10;

    private final QueueClient client;

    DeadLetterBrowser(QueueClient client) {
        this.client = client;
    }

    DeadLettersView peek(String queue, int limit) {
        String dlq = WatchedQueues.deadLetterQueueOf(queue);
        String url = client.await(dlq, client.url(dlq));
        Map<String, Message> seen = new LinkedHashMap<>();
        try {
            // Each receive returns at most 10 and may return fewer than are there; stop
            // at the first empty one.
            for (int rounds = 0; seen.size() < limit && rounds < limit; rounds++) {
                int wanted = Math.min(10, limit - seen.size());
                List<Message> received = client
                    .await(dlq,
                            client.sqs()
                                .receiveMessage(request -> request.queueUrl(url)
                                    .maxNumberOfMessages(wanted)
                                    .visibilityTimeout(PEEK_VISIBILITY_SECONDS)
                                    .waitTimeSeconds(0)
                                    .messageSystemAttributeNamesWithStrings("All")
                                    .messageAttributeNames("All")))
                    .messages();
                if (received.isEmpty()) {
                    break;
                }
                received.forEach(message -> seen.putIfAbsent(message.messageId(), message));
            }
        }
        finally {
            release(dlq, url, new ArrayList<>(seen.values()));
        }
        List<DeadLettersView.DeadLetter> letters = seen.values()
            .stream()
            .map(DeadLetterBrowser::view)
            .sorted(Comparator.comparing(DeadLettersView.DeadLetter::sentAt,
                    Comparator.nullsLast(Comparator.naturalOrder())))
            .limit(limit)
            .toList();
        return new DeadLettersView(queue, dlq, letters);
    }

    /**
     * Makes the peeked messages visible again now rather than after the peek's visibility
     * timeout.
     */
    private void release(String dlq, String url, List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            List<Message> batch = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(batch.get(i).receiptHandle())
                    .visibilityTimeout(0)
                    .build());
            }
            try {
                client.await(dlq,
                        client.sqs().changeMessageVisibilityBatch(request -> request.queueUrl(url).entries(entries)));
            }
            catch (SqsUnavailable ex) {
                // Not lost: they come back by themselves when the peek's visibility
                // timeout passes.
                log.warn("Peeked dead letters of {} stay hidden for up to {} s: {}", dlq, PEEK_VISIBILITY_SECONDS,
                        ex.getMessage());
            }
        }
    }

    private static DeadLettersView.DeadLetter view(Message message) {
        Map<MessageSystemAttributeName, String> system = message.attributes();
        Map<String, String> attributes = new TreeMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, text(value)));
        String source = system.get(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN);
        return new DeadLettersView.DeadLetter(message.messageId(), message.body(), attributes,
                Integer.parseInt(system.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                instant(system.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)),
                instant(system.get(MessageSystemAttributeName.SENT_TIMESTAMP)),
                source == null ? null : source.substring(source.lastIndexOf(':') + 1));
    }

    private static String text(MessageAttributeValue value) {
        if (value.stringValue() != null) {
            return value.stringValue();
        }
        return value.binaryValue() == null ? null
                : Base64.getEncoder().encodeToString(value.binaryValue().asByteArray());
    }

    private static Instant instant(String epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }

}
