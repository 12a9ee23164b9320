package dev.appointments.faults.drive;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A producer as the contract describes one: a plain AWS SDK SQS client that puts command
 * bodies on a queue, with the command's {@code type} as a message attribute when it has
 * one. It also reads queue depths and dead letters.
 */
public final class Producer implements AutoCloseable {

    private final SqsClient sqs;

    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public Producer(URI endpoint) {
        this.sqs = SqsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .maxConnections(32)
                .build())
            .build();
    }

    public SqsClient sqs() {
        return sqs;
    }

    public String url(String queue) {
        return urls.computeIfAbsent(queue, name -> sqs.getQueueUrl(request -> request.queueName(name)).queueUrl());
    }

    /** Sends one body; the SDK's error, if any, is what a producer sees. */
    public void send(String queue, String body, String type) {
        sqs.sendMessage(request -> request.queueUrl(url(queue)).messageBody(body).messageAttributes(attributes(type)));
    }

    /** Sends the bodies in batches of ten; returns how many SQS refused. */
    public int sendAll(String queue, List<Command> commands) {
        int refused = 0;
        for (int from = 0; from < commands.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + 10, commands.size()); i++) {
                Command command = commands.get(i);
                entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i - from))
                    .messageBody(command.body())
                    .messageAttributes(attributes(command.type()))
                    .build());
            }
            refused += sqs.sendMessageBatch(request -> request.queueUrl(url(queue)).entries(entries)).failed().size();
        }
        return refused;
    }

    /**
     * Sends, retrying every few hundred milliseconds while SQS cannot be reached; returns
     * the failed attempts.
     */
    public int sendRetrying(String queue, Command command, Duration giveUpAfter) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        int failures = 0;
        while (true) {
            try {
                send(queue, command.body(), command.type());
                return failures;
            }
            catch (SdkException unreachable) {
                failures++;
                if (System.nanoTime() > deadline) {
                    throw unreachable;
                }
                sleep(Duration.ofMillis(300));
            }
        }
    }

    /** Visible plus in-flight plus delayed messages of a queue. */
    public long depth(String queue) {
        Map<QueueAttributeName, String> attributes = sqs
            .getQueueAttributes(request -> request.queueUrl(url(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    /**
     * Every message of a queue (a dead-letter queue) by message id, read without
     * deleting: each receive hides a message for a few seconds, so that the next receive
     * returns others; they come back afterwards.
     */
    public Map<String, String> peekAll(String queue) {
        Map<String, String> bodies = new LinkedHashMap<>();
        List<String> receipts = new ArrayList<>();
        int emptyPolls = 0;
        while (emptyPolls < 2) {
            List<Message> messages = sqs
                .receiveMessage(request -> request.queueUrl(url(queue))
                    .maxNumberOfMessages(10)
                    .visibilityTimeout(30)
                    .waitTimeSeconds(1))
                .messages();
            int before = bodies.size();
            messages.forEach(message -> bodies.put(message.messageId(), message.body()));
            messages.forEach(message -> receipts.add(message.receiptHandle()));
            emptyPolls = bodies.size() == before ? emptyPolls + 1 : 0;
        }
        // Give them back at once, so that a redrive or an operator finds them.
        for (String receipt : receipts) {
            sqs.changeMessageVisibility(
                    request -> request.queueUrl(url(queue)).receiptHandle(receipt).visibilityTimeout(0));
        }
        return bodies;
    }

    private static Map<String, MessageAttributeValue> attributes(String type) {
        return type == null ? Map.of()
                : Map.of("type", MessageAttributeValue.builder().dataType("String").stringValue(type).build());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    @Override
    public void close() {
        sqs.close();
    }

}
