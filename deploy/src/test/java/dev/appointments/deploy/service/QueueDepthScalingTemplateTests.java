package dev.appointments.deploy.service;

import java.util.List;
import java.util.Map;

import dev.appointments.deploy.SynthesizedStacks;
import dev.appointments.deploy.TemplateJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follows each scaling alarm to its policy, the policy to its scalable target, and the
 * target to the ECS service it scales: each consumer must scale on the depth of its own
 * queue.
 */
@SuppressWarnings("unchecked")
class QueueDepthScalingTemplateTests {

    private final TemplateJson template = new TemplateJson(SynthesizedStacks.singleRegion(), SynthesizedStacks.REGION);

    @ParameterizedTest
    @EnumSource(value = AppointmentService.class, names = { "REQUEST", "CONFIRMATION", "REMINDER" })
    void consumerScalesOutAndInOnTheVisibleMessagesOfItsQueue(AppointmentService service) {
        String queue = service.consumedQueue().orElseThrow();
        List<Map<String, Object>> policies = template.ofType("AWS::CloudWatch::Alarm")
            .values()
            .stream()
            .filter(alarm -> "AWS/SQS".equals(alarm.get("Namespace"))
                    && "ApproximateNumberOfMessagesVisible".equals(alarm.get("MetricName"))
                    && queue.equals(template
                        .resolve(((List<Map<String, Object>>) alarm.get("Dimensions")).get(0).get("Value"))))
            .flatMap(alarm -> ((List<Object>) alarm.getOrDefault("AlarmActions", List.of())).stream())
            .filter(action -> action instanceof Map<?, ?> map && map.containsKey("Ref"))
            .map(TemplateJson::target)
            .filter(id -> "AWS::ApplicationAutoScaling::ScalingPolicy".equals(template.resource(id).get("Type")))
            .map(template::properties)
            .toList();

        assertThat(policies).hasSize(2).allSatisfy(policy -> {
            assertThat(policy.get("PolicyType")).isEqualTo("StepScaling");
            String target = TemplateJson.target(policy.get("ScalingTargetId"));
            assertThat(template.resolve(template.properties(target).get("ResourceId")))
                .endsWith("/" + scaledServiceId(service) + ".Name");
        });
        assertThat(policies.toString()).contains("ScalingAdjustment=-1")
            .contains("ScalingAdjustment=1")
            .contains("ScalingAdjustment=3");
    }

    @Test
    void consumersKeepTwoTasksAndStopAtTen() {
        assertThat(template.ofType("AWS::ApplicationAutoScaling::ScalableTarget").values()).hasSize(4)
            .allSatisfy(target -> {
                assertThat(target.get("MinCapacity")).isEqualTo(2);
                assertThat(target.get("MaxCapacity")).isEqualTo(10);
            });
    }

    @Test
    void queryServiceScalesOnCpu() {
        assertThat(template.ofType("AWS::ApplicationAutoScaling::ScalingPolicy").values())
            .filteredOn(policy -> "TargetTrackingScaling".equals(policy.get("PolicyType")))
            .singleElement()
            .satisfies(policy -> assertThat(policy.toString()).contains("ECSServiceAverageCPUUtilization"));
    }

    private String scaledServiceId(AppointmentService service) {
        return template.idOf("AWS::ECS::Service", "ServiceName", service.serviceName());
    }

}
