package dev.appointments.engines;

import java.net.URI;
import java.util.Map;

import dev.appointments.dynamodb.DynamoDbEngine;
import dev.appointments.dynamodb.EngineOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ and the project's DynamoDB engine running in this JVM on loopback, with the
 * system's queues and tables created; with a data directory, both keep their data across
 * restarts. The tests share one instance per JVM through {@link #shared()}; the local run
 * starts its own on the well-known ports.
 */
public final class EmbeddedEngines implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCESS_KEY = "local";
    static final String SECRET_KEY = "local";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngines.class);

    private static EmbeddedEngines shared;

    private final LocalSqs localSqs;

    private final DynamoDbEngine dynamoDbEngine;

    private final SqsClient sqs;

    private final DynamoDbClient dynamoDb;

    private final ResourceProvisioner provisioner;

    private EmbeddedEngines(LocalSqs localSqs, DynamoDbEngine dynamoDbEngine) {
        this.localSqs = localSqs;
        this.dynamoDbEngine = dynamoDbEngine;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        this.sqs = SqsClient.builder()
            .endpointOverride(localSqs.endpoint())
            .region(Region.of(REGION))
            .credentialsProvider(credentials)
            .httpClient(ApacheHttpClient.create())
            .build();
        this.dynamoDb = DynamoDbClient.builder()
            .endpointOverride(dynamoDbEngine.endpoint())
            .region(Region.of(REGION))
            .credentialsProvider(credentials)
            .httpClient(ApacheHttpClient.create())
            .build();
        this.provisioner = new ResourceProvisioner(sqs, dynamoDb);
    }

    /** Starts both engines and creates the queues and tables. */
    public static EmbeddedEngines start(EngineSettings settings) {
        int sqsPort = settings.sqsPort() == 0 ? FreePorts.find() : settings.sqsPort();
        int dynamoDbPort = settings.dynamoDbPort() == 0 ? FreePorts.find() : settings.dynamoDbPort();
        LocalSqs sqs = LocalSqs.start(sqsPort,
                settings.dataDirectory() == null ? null : settings.dataDirectory().resolve("sqs"));
        DynamoDbEngine dynamoDb;
        try {
            java.nio.file.Path data = settings.dataDirectory();
            dynamoDb = DynamoDbEngine.start(data == null ? EngineOptions.inMemory().withPort(dynamoDbPort)
                    : EngineOptions.durable(dynamoDbPort, data.resolve("dynamodb")));
        }
        catch (RuntimeException ex) {
            sqs.stop();
            throw ex;
        }
        EmbeddedEngines engines = new EmbeddedEngines(sqs, dynamoDb);
        engines.provisioner.createAll(settings.maxReceiveCount());
        log.info("Embedded engines started: SQS (ElasticMQ) at {}, DynamoDB at {}", engines.sqsEndpoint(),
                engines.dynamoDbEndpoint());
        return engines;
    }

    /**
     * The engines of this JVM, started on free ports at first use and stopped when the
     * JVM exits.
     */
    public static synchronized EmbeddedEngines shared() {
        if (shared == null) {
            shared = start(EngineSettings.anyFreePorts());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-engines-stop"));
        }
        return shared;
    }

    public URI sqsEndpoint() {
        return localSqs.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEngine.endpoint();
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public ResourceProvisioner provisioner() {
        return provisioner;
    }

    /** The Spring Cloud AWS properties that point a service at these engines. */
    public Map<String, String> springProperties() {
        return Map.of("spring.cloud.aws.region.static", REGION, "spring.cloud.aws.credentials.access-key", ACCESS_KEY,
                "spring.cloud.aws.credentials.secret-key", SECRET_KEY, "spring.cloud.aws.sqs.endpoint",
                sqsEndpoint().toString(), "spring.cloud.aws.dynamodb.endpoint", dynamoDbEndpoint().toString());
    }

    /** Makes DynamoDB refuse connections, as in an outage; its data stays. */
    public void stopDynamoDb() {
        dynamoDbEngine.disconnect();
    }

    /** Ends an outage started by {@link #stopDynamoDb()}. */
    public void startDynamoDb() {
        dynamoDbEngine.reconnect();
    }

    @Override
    public void close() {
        sqs.close();
        dynamoDb.close();
        dynamoDbEngine.close();
        localSqs.stop();
    }

}
