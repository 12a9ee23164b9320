package dev.appointments.engines;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedEnginesExtension.class)
class EmbeddedEnginesIntegrationTests {

    @Test
    void createsEveryQueueWithARedrivePolicyNamingItsDeadLetterQueue(EmbeddedEngines engines) {
        for (String queue : List.of(Queues.APPOINTMENT_REQUESTS, Queues.APPOINTMENT_CONFIRMATIONS,
                Queues.APPOINTMENT_REMINDERS)) {
            String url = engines.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
            Map<QueueAttributeName, String> attributes = engines.sqs()
                .getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes();
            assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains(queue + "-dlq")
                .contains("\"maxReceiveCount\":5");
        }
    }

    @Test
    void createsEveryTable(EmbeddedEngines engines) {
        assertThat(engines.dynamoDb().listTables().tableNames()).containsAll(Tables.names());
    }

    @Test
    void anyClientSeesTheTablesWhateverItsCredentials(EmbeddedEngines engines) {
        try (var stranger = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
            .endpointOverride(engines.dynamoDbEndpoint())
            .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
            .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
                .create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("someone", "else")))
            .httpClient(software.amazon.awssdk.http.apache.ApacheHttpClient.create())
            .build()) {
            assertThat(stranger.listTables().tableNames()).containsAll(Tables.names());
        }
    }

    @Test
    void provisioningTwiceChangesNothing(EmbeddedEngines engines) {
        String url = engines.sqs().getQueueUrl(request -> request.queueName(Queues.APPOINTMENT_REQUESTS)).queueUrl();
        var before = engines.sqs()
            .getQueueAttributes(request -> request.queueUrl(url)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT))
            .attributes();

        engines.provisioner().createAll(Queues.DEFAULT_MAX_RECEIVE_COUNT);

        var after = engines.sqs()
            .getQueueAttributes(request -> request.queueUrl(url)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT))
            .attributes();
        assertThat(after).isEqualTo(before);
        assertThat(engines.dynamoDb().listTables().tableNames()).containsAll(Tables.names());
    }

    @Test
    void listensOnLoopbackOnly(EmbeddedEngines engines) throws Exception {
        InetAddress external = Collections.list(NetworkInterface.getNetworkInterfaces())
            .stream()
            .filter(network -> !isLoopback(network))
            .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
            .filter(address -> address instanceof java.net.Inet4Address)
            .findFirst()
            .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "no non-loopback address on this machine");
        for (int port : List.of(engines.sqsEndpoint().getPort(), engines.dynamoDbEndpoint().getPort())) {
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("loopback port %d", port).isTrue();
            assertThat(connects(external, port)).as("port %d on %s", port, external).isFalse();
        }
    }

    @Test
    void dynamoDbOutageRefusesCallsAndKeepsTheData(EmbeddedEngines engines) {
        engines.stopDynamoDb();
        try {
            assertThatThrownBy(() -> engines.dynamoDb().listTables()).isInstanceOf(SdkClientException.class);
        }
        finally {
            engines.startDynamoDb();
        }
        assertThat(engines.dynamoDb().listTables().tableNames()).containsAll(Tables.names());
    }

    private static boolean isLoopback(NetworkInterface network) {
        try {
            return network.isLoopback() || !network.isUp();
        }
        catch (java.net.SocketException ex) {
            return true;
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            return true;
        }
        catch (java.io.IOException refused) {
            return false;
        }
    }

}
