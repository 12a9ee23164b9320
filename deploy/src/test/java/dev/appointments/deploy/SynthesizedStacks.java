package dev.appointments.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesises the app once per set of context values per JVM: synthesis goes through jsii
 * and node and takes seconds, and the tests only read the result.
 */
public final class SynthesizedStacks {

    public static final String REGION = "eu-west-1";

    public static final String REPLICA_REGION = "eu-central-1";

    public static final String CERTIFICATE_ARN = "arn:aws:acm:eu-west-1:123456789012:certificate/example";

    public static final String SMTP_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:smtp-AbCdEf";

    private static final Map<Map<String, String>, Template> TEMPLATES = new ConcurrentHashMap<>();

    private static final AtomicInteger SYNTHESES = new AtomicInteger();

    private SynthesizedStacks() {
    }

    /** One region with every default. */
    public static Template singleRegion() {
        return synthesize(Map.of("region", REGION));
    }

    /**
     * The primary region of an active/passive pair: its tables replicate to the passive
     * region.
     */
    public static Template primaryWithReplica() {
        return synthesize(Map.of("region", REGION, "replicaRegions", REPLICA_REGION));
    }

    /**
     * The passive region of that pair: its own queues and services, the primary's tables.
     */
    public static Template passive() {
        return synthesize(Map.of("region", REPLICA_REGION, "primaryRegion", REGION));
    }

    /** Every optional setting switched on or away from its default. */
    public static Template withOptions() {
        return synthesize(Map.of("region", REGION, "maxReceiveCount", "3", "natGateways", "0", "certificateArn",
                CERTIFICATE_ARN, "smtpSecretArn", SMTP_SECRET_ARN, "alarmEmail", "ops@example.org"));
    }

    public static Template synthesize(Map<String, String> context) {
        return TEMPLATES.computeIfAbsent(Map.copyOf(context), values -> {
            DeploymentSettings settings = DeploymentSettings.fromContext(values::get, null, null);
            // Each synthesis writes its cloud assembly under target/, not to a new
            // temporary directory.
            App app = App.Builder.create().outdir("target/cdk.out/synth-" + SYNTHESES.incrementAndGet()).build();
            AppointmentsStack stack = DeployApp.define(app, settings);
            return Template.fromStack(stack);
        });
    }

}
