package dev.appointments.deploy.service;

import java.util.List;

import dev.appointments.deploy.DeploymentSettings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Step scaling of a consumer on the messages waiting in its queue
 * ({@code ApproximateNumberOfMessagesVisible}, the highest value of each minute): one
 * more task from the backlog threshold, three more from ten times it, one less once the
 * queue is drained. Between zero and the threshold nothing changes, which keeps a fleet
 * that keeps up from flapping. Queue depth reacts to a backlog before CPU does: consumers
 * wait on DynamoDB, not on the processor.
 */
final class QueueDepthScaling {

    static final Duration PERIOD = Duration.minutes(1);
    static final Duration COOLDOWN = Duration.minutes(2);

    private QueueDepthScaling() {
    }

    static ScalableTaskCount apply(FargateService service, IQueue queue, DeploymentSettings settings) {
        ScalableTaskCount taskCount = service.autoScaleTaskCount(
                EnableScalingProps.builder().minCapacity(settings.minTasks()).maxCapacity(settings.maxTasks()).build());
        int backlog = settings.scaleOutBacklog();
        taskCount.scaleOnMetric("QueueDepth",
                BasicStepScalingPolicyProps.builder()
                    .metric(queue.metricApproximateNumberOfMessagesVisible(
                            MetricOptions.builder().period(PERIOD).statistic("Maximum").build()))
                    .scalingSteps(List.of(ScalingInterval.builder().upper(0).change(-1).build(),
                            ScalingInterval.builder().lower(backlog).change(1).build(),
                            ScalingInterval.builder().lower(backlog * 10).change(3).build()))
                    .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                    .cooldown(COOLDOWN)
                    .build());
        return taskCount;
    }

}
