package dev.appointments.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.appointments.resources.Queues;

/**
 * What differs between deployments, read from CDK context ({@code -c key=value} or
 * cdk.json); everything else is fixed in code. Secrets never pass through here: the token
 * issuer and the image tag are CloudFormation parameters, SMTP credentials a Secrets
 * Manager secret named by ARN.
 *
 * @param region the region of this deployment (context {@code region}, else the CLI's
 * default region)
 * @param account the account, or null for an environment-agnostic template
 * @param primaryRegion null when this region owns the tables; else the region whose stack
 * owns the global tables, and this deployment uses their replicas
 * @param replicaRegions regions the global tables replicate to (primary only; empty: one
 * region)
 * @param maxReceiveCount receives before SQS moves a message to its dead-letter queue
 * @param imageRepositoryPrefix ECR repositories are {@code <prefix>/<service>}
 * @param natGateways NAT gateways of the VPC (one is cheaper, one per zone survives a
 * zone outage)
 * @param minTasks tasks each service keeps running (0 in a passive region: pilot light)
 * @param maxTasks the most tasks queue-depth scaling starts per service
 * @param scaleOutBacklog visible messages at which a consumer gets one more task (ten
 * times that: three more)
 * @param oldestMessageAlarmSeconds age of the oldest message that raises an alarm
 * @param queueDepthAlarm visible messages that raise an alarm
 * @param certificateArn ACM certificate of the query-service's HTTPS listener, or null
 * for HTTP only
 * @param alarmEmail address subscribed to the alarm topic, or null
 * @param mailHost the reminder-service's SMTP relay (e.g. Amazon SES's SMTP endpoint)
 * @param mailPort its port (587 with STARTTLS)
 * @param smtpSecretArn Secrets Manager secret with {@code username} and {@code password}
 * for the relay, or null
 * @param publicBaseUrl the API's public URL when a DNS name points at the load balancer
 * (e.g. {@code https://appointments.example.org}), or null for the load balancer's own
 * name
 * @param otlpTracingEndpoint an OTLP/HTTP collector the services export traces to (e.g.
 * {@code http://localhost:4318/v1/traces} for an ADOT sidecar), or null for no export
 * @param tracingSamplingProbability the share of traces sampled (0.0 to 1.0)
 * @param rolesClaim the token claim that carries the product's roles (e.g.
 * {@code cognito:groups}), or null for the services' default ({@code roles})
 */
public record DeploymentSettings(String region, String account, String primaryRegion, List<String> replicaRegions,
        int maxReceiveCount, String imageRepositoryPrefix, int natGateways, int minTasks, int maxTasks,
        int scaleOutBacklog, int oldestMessageAlarmSeconds, int queueDepthAlarm, String certificateArn,
        String alarmEmail, String mailHost, int mailPort, String smtpSecretArn, String publicBaseUrl,
        String otlpTracingEndpoint, double tracingSamplingProbability, String rolesClaim) {

    public DeploymentSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("No region: pass -c region=<region> or configure a default region");
        }
        replicaRegions = List.copyOf(replicaRegions);
        if (primaryRegion != null && !replicaRegions.isEmpty()) {
            throw new IllegalArgumentException("replicaRegions belongs to the primary region's deployment, not to "
                    + region + " (primaryRegion=" + primaryRegion + ")");
        }
        if (replicaRegions.contains(region)) {
            throw new IllegalArgumentException("replicaRegions must not contain the primary region " + region);
        }
        if (publicBaseUrl != null && !publicBaseUrl.matches("https?://[^/]+")) {
            throw new IllegalArgumentException("publicBaseUrl is a scheme and host without a path: " + publicBaseUrl);
        }
        if (tracingSamplingProbability < 0 || tracingSamplingProbability > 1) {
            throw new IllegalArgumentException("tracingSamplingProbability is between 0 and 1");
        }
        if (minTasks < 0 || maxTasks < Math.max(1, minTasks)) {
            throw new IllegalArgumentException("need 0 <= minTasks <= maxTasks and maxTasks >= 1");
        }
    }

    /** True when this region's stack creates the tables (and their replicas). */
    public boolean ownsTables() {
        return primaryRegion == null;
    }

    /**
     * Reads the settings from CDK context.
     * @param context the app's context lookup ({@code node.tryGetContext})
     * @param defaultAccount the CLI's account ({@code CDK_DEFAULT_ACCOUNT}), used when
     * the context names none
     * @param defaultRegion the CLI's region ({@code CDK_DEFAULT_REGION}), used when the
     * context names none
     */
    public static DeploymentSettings fromContext(Function<String, Object> context, String defaultAccount,
            String defaultRegion) {
        Context values = new Context(context);
        String primaryRegion = values.string("primaryRegion", null);
        boolean passive = primaryRegion != null;
        return new DeploymentSettings(values.string("region", defaultRegion), values.string("account", defaultAccount),
                primaryRegion, values.list("replicaRegions"),
                values.integer("maxReceiveCount", Queues.DEFAULT_MAX_RECEIVE_COUNT),
                values.string("imageRepositoryPrefix", "appointments"), values.integer("natGateways", 1),
                values.integer("minTasks", passive ? 0 : 2), values.integer("maxTasks", 10),
                values.integer("scaleOutBacklog", 100), values.integer("oldestMessageAlarmSeconds", 20 * 60),
                values.integer("queueDepthAlarm", 1000), values.string("certificateArn", null),
                values.string("alarmEmail", null),
                values.string("mailHost", "email-smtp." + values.string("region", defaultRegion) + ".amazonaws.com"),
                values.integer("mailPort", 587), values.string("smtpSecretArn", null),
                values.string("publicBaseUrl", null), values.string("otlpTracingEndpoint", null),
                values.decimal("tracingSamplingProbability", 0.1), values.string("rolesClaim", null));
    }

    /**
     * Context values arrive as strings from {@code -c} and as JSON values from cdk.json.
     */
    private record Context(Function<String, Object> lookup) {

        String string(String key, String fallback) {
            Object value = lookup.apply(key);
            return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
        }

        int integer(String key, int fallback) {
            String value = string(key, null);
            return value == null ? fallback : (int) Double.parseDouble(value);
        }

        double decimal(String key, double fallback) {
            String value = string(key, null);
            return value == null ? fallback : Double.parseDouble(value);
        }

        List<String> list(String key) {
            Object value = lookup.apply(key);
            if (value instanceof List<?> items) {
                return items.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
            }
            String text = string(key, "");
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
