package dev.appointments.engines;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.appointments.resources.QueueDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSqsPersistenceIntegrationTests {

    private static final QueueDefinition QUEUE = new QueueDefinition("persisted-requests", 3, Duration.ofSeconds(30));

    @TempDir
    Path dataDirectory;

    @Test
    void keepsQueuedMessagesAcrossARestart() {
        runOnce(dataDirectory, (sqs, url) -> {
            for (int i = 1; i <= 3; i++) {
                String body = "request " + i;
                sqs.sendMessage(request -> request.queueUrl(url)
                    .messageBody(body)
                    .messageAttributes(Map.of("kind",
                            MessageAttributeValue.builder().dataType("String").stringValue("test").build())));
            }
        });

        List<Message> received = new ArrayList<>();
        runOnce(dataDirectory, (sqs, url) -> received.addAll(receiveAll(sqs, url, 3)));

        assertThat(received).extracting(Message::body).containsExactlyInAnyOrder("request 1", "request 2", "request 3");
        assertThat(received)
            .allSatisfy(message -> assertThat(message.messageAttributes().get("kind").stringValue()).isEqualTo("test"));
    }

    @Test
    void keepsTheQueuesWithTheirAttributesAcrossARestartAndProvisioningAgainChangesNothing() {
        runOnce(dataDirectory, (sqs, url) -> {
        });

        LocalSqs restarted = LocalSqs.start(FreePorts.find(), dataDirectory);
        try (SqsClient sqs = client(restarted)) {
            String url = sqs.getQueueUrl(request -> request.queueName(QUEUE.name())).queueUrl();
            Map<QueueAttributeName, String> restored = redriveAndVisibility(sqs, url);
            assertThat(restored.get(QueueAttributeName.REDRIVE_POLICY)).contains(QUEUE.deadLetterQueueName())
                .contains("\"maxReceiveCount\":3");
            assertThat(restored.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("30");

            assertThat(new ResourceProvisioner(sqs, null).createQueue(QUEUE)).isEqualTo(url);
            assertThat(redriveAndVisibility(sqs, url)).isEqualTo(restored);
        }
        finally {
            restarted.stop();
        }
    }

    @Test
    void keepsAMessageInFlightHiddenUntilItsVisibilityTimeoutAndCountsItsReceives() {
        runOnce(dataDirectory, (sqs, url) -> {
            sqs.sendMessage(request -> request.queueUrl(url).messageBody("in flight"));
            assertThat(sqs.receiveMessage(request -> request.queueUrl(url).visibilityTimeout(8)).messages()).hasSize(1);
        });

        runOnce(dataDirectory, (sqs, url) -> {
            assertThat(sqs.receiveMessage(request -> request.queueUrl(url)).messages())
                .as("still in flight after the restart")
                .isEmpty();
            Message again = receiveAll(sqs, url, 1).getFirst();
            assertThat(again.body()).isEqualTo("in flight");
            assertThat(again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");
        });
    }

    @Test
    void keepsADelayedMessageDelayedAcrossARestart() {
        runOnce(dataDirectory,
                (sqs, url) -> sqs.sendMessage(request -> request.queueUrl(url).messageBody("later").delaySeconds(8)));

        runOnce(dataDirectory, (sqs, url) -> {
            assertThat(sqs.receiveMessage(request -> request.queueUrl(url)).messages()).isEmpty();
            assertThat(receiveAll(sqs, url, 1)).extracting(Message::body).containsExactly("later");
        });
    }

    @Test
    void deletedMessagesStayDeletedAfterARestart() {
        runOnce(dataDirectory, (sqs, url) -> {
            sqs.sendMessage(request -> request.queueUrl(url).messageBody("done"));
            Message done = sqs.receiveMessage(request -> request.queueUrl(url)).messages().getFirst();
            sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(done.receiptHandle()));
            sqs.sendMessage(request -> request.queueUrl(url).messageBody("pending"));
        });

        runOnce(dataDirectory, (sqs, url) -> {
            assertThat(receiveAll(sqs, url, 1)).extracting(Message::body).containsExactly("pending");
            assertThat(sqs.receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
        });
    }

    @Test
    void forgetsQueuesWithoutADataDirectory() {
        LocalSqs first = LocalSqs.start(FreePorts.find());
        try (SqsClient sqs = client(first)) {
            new ResourceProvisioner(sqs, null).createQueue(QUEUE);
        }
        finally {
            first.stop();
        }

        LocalSqs second = LocalSqs.start(FreePorts.find());
        try (SqsClient sqs = client(second)) {
            assertThatThrownBy(() -> sqs.getQueueUrl(request -> request.queueName(QUEUE.name())))
                .isInstanceOf(QueueDoesNotExistException.class);
        }
        finally {
            second.stop();
        }
    }

    @Test
    void refusesASecondDataDirectoryInTheSameJvm(@TempDir Path otherDirectory) {
        LocalSqs first = LocalSqs.start(FreePorts.find(), dataDirectory);
        try {
            assertThatThrownBy(() -> LocalSqs.start(FreePorts.find(), otherDirectory))
                .isInstanceOf(IllegalStateException.class);
        }
        finally {
            first.stop();
        }
        LocalSqs.start(FreePorts.find(), otherDirectory).stop();
    }

    @Test
    void keepsEveryAcknowledgedMessageWhenTheProcessIsKilled() throws Exception {
        int port = FreePorts.find();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LocalSqsProcess.class.getName(), Integer.toString(port),
                dataDirectory.toString())
            .inheritIO()
            .start();
        try {
            awaitAnswer(child, port);
            try (SqsClient sqs = client(URI.create("http://127.0.0.1:" + port))) {
                String url = new ResourceProvisioner(sqs, null).createQueue(QUEUE);
                // Killed right after the last answer: nothing that ElasticMQ acknowledged
                // may be lost.
                for (int i = 1; i <= 20; i++) {
                    String body = "before the crash " + i;
                    sqs.sendMessage(request -> request.queueUrl(url).messageBody(body));
                }
            }
        }
        finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        runOnce(dataDirectory,
                (sqs, url) -> assertThat(receiveAll(sqs, url, 20)).extracting(Message::body)
                    .allMatch(body -> body.startsWith("before the crash "))
                    .doesNotHaveDuplicates());
    }

    /**
     * Starts ElasticMQ on the directory, provisions the queue as the local run does, runs
     * the step, stops.
     */
    private static void runOnce(Path dataDirectory, Step step) {
        LocalSqs localSqs = LocalSqs.start(FreePorts.find(), dataDirectory);
        try (SqsClient sqs = client(localSqs)) {
            String url = new ResourceProvisioner(sqs, null).createQueue(QUEUE);
            step.run(sqs, url);
        }
        finally {
            localSqs.stop();
        }
    }

    /**
     * Receives until {@code count} messages came. The tests' visibility timeouts and
     * delays (8 s) are long enough to outlast a stop and start on a busy machine, and the
     * 30 s deadline outlasts them.
     */
    private static List<Message> receiveAll(SqsClient sqs, String url, int count) {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.size() < count && System.nanoTime() < deadline) {
            received.addAll(sqs.receiveMessage(request -> request.queueUrl(url)
                .maxNumberOfMessages(10)
                .waitTimeSeconds(1)
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages());
        }
        assertThat(received).as("messages received within 30 s").hasSize(count);
        return received;
    }

    private static Map<QueueAttributeName, String> redriveAndVisibility(SqsClient sqs, String url) {
        return sqs
            .getQueueAttributes(request -> request.queueUrl(url)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT))
            .attributes();
    }

    private static void awaitAnswer(Process child, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (SqsClient sqs = client(URI.create("http://127.0.0.1:" + port))) {
            while (System.nanoTime() < deadline) {
                assertThat(child.isAlive()).as("the child JVM is running").isTrue();
                try {
                    sqs.listQueues();
                    return;
                }
                catch (SdkClientException notYet) {
                    Thread.sleep(200);
                }
            }
        }
        throw new AssertionError("ElasticMQ in the child JVM did not answer within 60 s");
    }

    private static SqsClient client(LocalSqs localSqs) {
        return client(localSqs.endpoint());
    }

    private static SqsClient client(URI endpoint) {
        return SqsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(EmbeddedEngines.REGION))
            .credentialsProvider(StaticCredentialsProvider
                .create(AwsBasicCredentials.create(EmbeddedEngines.ACCESS_KEY, EmbeddedEngines.SECRET_KEY)))
            .httpClient(ApacheHttpClient.create())
            .build();
    }

    @FunctionalInterface
    private interface Step {

        void run(SqsClient sqs, String queueUrl);

    }

}
