package dev.appointments.deploy.monitoring;

import dev.appointments.deploy.DeploymentSettings;
import dev.appointments.deploy.messaging.WorkQueues;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * What pages an operator, through one SNS topic: a dead-letter queue that received a
 * message (nothing is dropped silently, so someone must look), a queue whose oldest
 * message waits too long (consumers stuck or too few), a queue deeper than scaling can
 * absorb, and a query API without a healthy task or answering with server errors. Each
 * alarm also notifies when it returns to OK.
 */
public final class OperationsAlarms extends Construct {

    static final Duration PERIOD = Duration.minutes(1);

    private final Topic topic;

    public OperationsAlarms(Construct scope, String id, DeploymentSettings settings, WorkQueues queues,
            ApplicationTargetGroup queryTargets) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic").topicName("appointments-alarms").enforceSsl(true).build();
        if (settings.alarmEmail() != null) {
            topic.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }
        for (String name : queues.names()) {
            // SQS publishes metrics of a queue only while it is active (up to six hours
            // after the last call), so a
            // silent dead-letter queue is missing data, not a breach; the ops view shows
            // its depth at any time.
            alarm(name + "-dlq-not-empty",
                    "Messages reached " + name + "-dlq: inspect them and redrive (query-service /api/ops)",
                    queues.deadLetterQueue(name).metricApproximateNumberOfMessagesVisible(maximum()), 1,
                    ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1);
            alarm(name + "-oldest-message-age",
                    "The oldest message of " + name + " waits longer than " + settings.oldestMessageAlarmSeconds()
                            + " s: consumers stuck, failing or too few",
                    queues.queue(name).metricApproximateAgeOfOldestMessage(maximum()),
                    settings.oldestMessageAlarmSeconds(), ComparisonOperator.GREATER_THAN_THRESHOLD, 5);
            alarm(name + "-depth",
                    name + " holds more than " + settings.queueDepthAlarm() + " visible messages for 5 minutes",
                    queues.queue(name).metricApproximateNumberOfMessagesVisible(maximum()), settings.queueDepthAlarm(),
                    ComparisonOperator.GREATER_THAN_THRESHOLD, 5);
        }
        if (settings.minTasks() > 0) {
            // A passive region runs no query task on purpose; there this alarm would
            // always ring.
            alarm("query-service-no-healthy-task", "No query-service task passes its readiness check",
                    queryTargets.getMetrics().healthyHostCount(maximum()), 1, ComparisonOperator.LESS_THAN_THRESHOLD,
                    3);
        }
        alarm("query-service-5xx", "The query-service answers with server errors",
                queryTargets.getMetrics()
                    .httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT,
                            MetricOptions.builder().period(PERIOD).statistic("Sum").build()),
                10, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 5);
    }

    private void alarm(String name, String description, IMetric metric, double threshold, ComparisonOperator comparison,
            int minutes) {
        Alarm alarm = Alarm.Builder.create(this, name)
            .alarmName("appointments-" + name)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(comparison)
            .evaluationPeriods(minutes)
            .datapointsToAlarm(minutes)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
    }

    private static MetricOptions maximum() {
        return MetricOptions.builder().period(PERIOD).statistic("Maximum").build();
    }

}
