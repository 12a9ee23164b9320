package dev.appointments.binder.sqs.provisioning;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.appointments.binder.sqs.properties.SqsBinderProperties;
import dev.appointments.binder.sqs.properties.SqsConsumerProperties;
import dev.appointments.binder.sqs.properties.SqsProducerProperties;
import dev.appointments.engines.EmbeddedEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.provisioning.ProvisioningException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsQueueProvisionerIntegrationTests {

    private static final EmbeddedEngines engines = EmbeddedEngines.shared();

    private static final SqsClient sqs = engines.sqs();

    private static final SqsAsyncClient sqsAsync = SqsAsyncClient.builder()
        .endpointOverride(engines.sqsEndpoint())
        .region(Region.of(engines.springProperties().get("spring.cloud.aws.region.static")))
        .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(engines.springProperties().get("spring.cloud.aws.credentials.access-key"),
                        engines.springProperties().get("spring.cloud.aws.credentials.secret-key"))))
        .build();

    /** The names of the SQS operations the provisioner called. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private final SqsQueueProvisioner provisioner = new SqsQueueProvisioner(recording(sqsAsync, calls),
            SqsBinderProperties.defaults());

    @AfterAll
    static void closeClient() {
        sqsAsync.close();
    }

    @Test
    void createsTheQueueWithItsDeadLetterQueueAndRedrivePolicy() {
        SqsQueue queue = (SqsQueue) provisioner.provisionConsumerDestination("prov-create", null, consumer(3, 45));

        Map<QueueAttributeName, String> attributes = attributes("prov-create");
        assertThat(queue.url()).isEqualTo(url("prov-create"));
        assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("45");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
            .contains(attributes("prov-create-dlq").get(QueueAttributeName.QUEUE_ARN))
            .containsPattern("\"maxReceiveCount\":\"?3\"?");
    }

    @Test
    void provisioningTwiceChangesNothing() {
        provisioner.provisionConsumerDestination("prov-twice", null, consumer(3, 45));
        Map<QueueAttributeName, String> queueBefore = attributes("prov-twice");
        Map<QueueAttributeName, String> deadLetterQueueBefore = attributes("prov-twice-dlq");
        calls.clear();

        provisioner.provisionConsumerDestination("prov-twice", null, consumer(3, 45));
        provisioner.provisionProducerDestination("prov-twice", producer());

        assertThat(calls).isNotEmpty().allMatch(call -> call.startsWith("get"));
        assertThat(attributes("prov-twice")).isEqualTo(queueBefore);
        assertThat(attributes("prov-twice-dlq")).isEqualTo(deadLetterQueueBefore);
    }

    @Test
    void consumerSetsTheAttributesOfAnExistingQueueThatDiffer() {
        sqs.createQueue(request -> request.queueName("prov-existing")
            .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5")));

        provisioner.provisionConsumerDestination("prov-existing", null, consumer(4, 60));

        assertThat(attributes("prov-existing").get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("60");
        assertThat(attributes("prov-existing").get(QueueAttributeName.REDRIVE_POLICY)).contains("prov-existing-dlq")
            .containsPattern("\"maxReceiveCount\":\"?4\"?");
    }

    @Test
    void producerLeavesTheAttributesOfAnExistingQueueToItsConsumer() {
        provisioner.provisionConsumerDestination("prov-owned", null, consumer(2, 7));
        Map<QueueAttributeName, String> before = attributes("prov-owned");

        provisioner.provisionProducerDestination("prov-owned", producer());

        assertThat(attributes("prov-owned")).isEqualTo(before);
        assertThat(before.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("7");
    }

    @Test
    void withoutAutoCreateOnlyResolvesAnExistingQueue() {
        String url = sqs.createQueue(request -> request.queueName("prov-manual")).queueUrl();
        var lookupOnly = new SqsQueueProvisioner(sqsAsync, new SqsBinderProperties(false, Duration.ofDays(14)));

        SqsQueue queue = (SqsQueue) lookupOnly.provisionConsumerDestination("prov-manual", null, consumer(3, 45));

        assertThat(queue.url()).isEqualTo(url);
        assertThat(attributes("prov-manual")).doesNotContainKey(QueueAttributeName.REDRIVE_POLICY);
        assertThat(sqs.listQueues(request -> request.queueNamePrefix("prov-manual-dlq")).queueUrls()).isEmpty();
    }

    @Test
    void withoutAutoCreateFailsClearlyForAMissingQueue() {
        var lookupOnly = new SqsQueueProvisioner(sqsAsync, new SqsBinderProperties(false, Duration.ofDays(14)));

        assertThatThrownBy(() -> lookupOnly.provisionConsumerDestination("prov-missing", null, consumer(3, 45)))
            .isInstanceOf(ProvisioningException.class)
            .hasMessageContaining("prov-missing")
            .hasMessageContaining("auto-create-queues");
        assertThat(sqs.listQueues(request -> request.queueNamePrefix("prov-missing")).queueUrls()).isEmpty();
    }

    @Test
    void refusesAQueueNameSqsWouldRefuse() {
        assertThatThrownBy(() -> provisioner.provisionConsumerDestination("no spaces", null, consumer(3, 45)))
            .isInstanceOf(ProvisioningException.class)
            .hasMessageContaining("no spaces");
    }

    /**
     * Only reads may happen when nothing is to change: this records what the provisioner
     * calls.
     */
    private static SqsAsyncClient recording(SqsAsyncClient client, List<String> calls) {
        return (SqsAsyncClient) Proxy.newProxyInstance(SqsAsyncClient.class.getClassLoader(),
                new Class<?>[] { SqsAsyncClient.class }, (proxy, method, arguments) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(client, arguments);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }

    private static ExtendedConsumerProperties<SqsConsumerProperties> consumer(int maxReceiveCount,
            int visibilitySeconds) {
        SqsConsumerProperties extension = new SqsConsumerProperties();
        extension.setMaxReceiveCount(maxReceiveCount);
        extension.setVisibilityTimeout(Duration.ofSeconds(visibilitySeconds));
        return new ExtendedConsumerProperties<>(extension);
    }

    private static ExtendedProducerProperties<SqsProducerProperties> producer() {
        return new ExtendedProducerProperties<>(new SqsProducerProperties());
    }

    private static Map<QueueAttributeName, String> attributes(String queue) {
        return sqs.getQueueAttributes(request -> request.queueUrl(url(queue)).attributeNames(QueueAttributeName.ALL))
            .attributes();
    }

    private static String url(String queue) {
        return sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
    }

}
