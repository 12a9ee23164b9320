package dev.appointments.dynamodb.conformance;

import java.net.URI;

import dev.appointments.dynamodb.DynamoDbEngine;
import dev.appointments.dynamodb.EngineOptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB the conformance tests talk to: the endpoint named by
 * {@value #ENDPOINT_VARIABLE} when it is set (real DynamoDB, another emulator), else this
 * project's engine, started in memory once per test JVM. Test constructors and methods
 * receive a {@link DynamoDbClient} for it, and {@link ConformanceTables} that drop the
 * tables a test created when the test ends.
 */
final class ConformanceEndpoint implements ParameterResolver {

    static final String ENDPOINT_VARIABLE = "DYNAMODB_CONFORMANCE_ENDPOINT";

    private static final Namespace NAMESPACE = Namespace.create(ConformanceEndpoint.class);

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        // So that tables resolved for a constructor belong to the test method and are
        // dropped when it ends.
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoDbClient.class || type == ConformanceTables.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DynamoDbClient client = context.getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Connection.class, key -> Connection.open(), Connection.class)
            .client();
        if (parameter.getParameter().getType() == DynamoDbClient.class) {
            return client;
        }
        return context.getStore(NAMESPACE)
            .computeIfAbsent(ConformanceTables.class, key -> new ConformanceTables(client), ConformanceTables.class);
    }

    /** One per test JVM; JUnit closes it when the run ends. */
    private record Connection(DynamoDbEngine engine, DynamoDbClient client) implements AutoCloseable {

        static Connection open() {
            String configured = System.getenv(ENDPOINT_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                return new Connection(null, client(URI.create(configured.trim()), region(), credentials()));
            }
            DynamoDbEngine engine = DynamoDbEngine.start(EngineOptions.inMemory());
            return new Connection(engine, client(engine.endpoint(), Region.US_EAST_1, dummyCredentials()));
        }

        private static DynamoDbClient client(URI endpoint, Region region, AwsCredentialsProvider credentials) {
            return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(ApacheHttpClient.create())
                .build();
        }

        private static Region region() {
            String region = System.getenv("AWS_REGION");
            return Region.of(region == null || region.isBlank() ? "us-east-1" : region.trim());
        }

        /**
         * The default chain, so real DynamoDB works as configured; emulators accept
         * anything.
         */
        private static AwsCredentialsProvider credentials() {
            DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
            try {
                chain.resolveCredentials();
                return chain;
            }
            catch (SdkClientException none) {
                return dummyCredentials();
            }
        }

        private static AwsCredentialsProvider dummyCredentials() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("conformance", "conformance"));
        }

        @Override
        public void close() {
            client.close();
            if (engine != null) {
                engine.close();
            }
        }
    }

}
