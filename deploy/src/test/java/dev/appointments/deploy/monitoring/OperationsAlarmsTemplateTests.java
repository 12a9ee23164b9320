package dev.appointments.deploy.monitoring;

import java.util.List;
import java.util.Map;

import dev.appointments.deploy.SynthesizedStacks;
import dev.appointments.deploy.TemplateJson;
import dev.appointments.resources.QueueDefinition;
import dev.appointments.resources.Queues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class OperationsAlarmsTemplateTests {

    private final TemplateJson template = new TemplateJson(SynthesizedStacks.singleRegion(), SynthesizedStacks.REGION);

    @Test
    void everyDeadLetterQueueAlarmsOnItsFirstMessage() {
        for (QueueDefinition queue : Queues.all()) {
            Map<String, Object> alarm = alarm("appointments-" + queue.name() + "-dlq-not-empty");
            assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(dimension(alarm)).isEqualTo(queue.deadLetterQueueName());
            assertThat(alarm.get("Threshold")).isEqualTo(1);
            assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
        }
    }

    @Test
    void everyWorkQueueAlarmsOnTheAgeOfItsOldestMessageAndOnItsDepth() {
        for (QueueDefinition queue : Queues.all()) {
            Map<String, Object> age = alarm("appointments-" + queue.name() + "-oldest-message-age");
            assertThat(age.get("MetricName")).isEqualTo("ApproximateAgeOfOldestMessage");
            assertThat(dimension(age)).isEqualTo(queue.name());
            // Beyond the longest SQS delay (15 minutes), so a delayed message is not
            // mistaken for a stuck one.
            assertThat(age.get("Threshold")).isEqualTo(1200);
            Map<String, Object> depth = alarm("appointments-" + queue.name() + "-depth");
            assertThat(depth.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(dimension(depth)).isEqualTo(queue.name());
            assertThat(depth.get("Threshold")).isEqualTo(1000);
        }
    }

    @Test
    void everyOperationsAlarmNotifiesTheTopicWhenRaisedAndWhenCleared() {
        String topic = template.ofType("AWS::SNS::Topic").keySet().iterator().next();
        List<Map<String, Object>> alarms = template.ofType("AWS::CloudWatch::Alarm")
            .values()
            .stream()
            .filter(alarm -> String.valueOf(alarm.get("AlarmName")).startsWith("appointments-"))
            .toList();
        assertThat(alarms).hasSize(Queues.all().size() * 3 + 2).allSatisfy(alarm -> {
            assertThat(alarm.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", topic)));
            assertThat(alarm.get("OKActions")).isEqualTo(List.of(Map.of("Ref", topic)));
        });
    }

    @Test
    void watchesTheQueryApiForHealthyTasksAndServerErrors() {
        assertThat(alarm("appointments-query-service-no-healthy-task").get("MetricName")).isEqualTo("HealthyHostCount");
        assertThat(alarm("appointments-query-service-5xx").get("MetricName")).isEqualTo("HTTPCode_Target_5XX_Count");
    }

    private Map<String, Object> alarm(String name) {
        return template.properties(template.idOf("AWS::CloudWatch::Alarm", "AlarmName", name));
    }

    private String dimension(Map<String, Object> alarm) {
        List<Map<String, Object>> dimensions = (List<Map<String, Object>>) alarm.get("Dimensions");
        assertThat(dimensions).singleElement().satisfies(d -> assertThat(d.get("Name")).isEqualTo("QueueName"));
        return template.resolve(dimensions.get(0).get("Value"));
    }

}
