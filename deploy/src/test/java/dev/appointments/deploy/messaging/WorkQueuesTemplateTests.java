package dev.appointments.deploy.messaging;

import java.util.Map;

import dev.appointments.deploy.SynthesizedStacks;
import dev.appointments.deploy.TemplateJson;
import dev.appointments.resources.QueueDefinition;
import dev.appointments.resources.Queues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueuesTemplateTests {

    private final TemplateJson template = new TemplateJson(SynthesizedStacks.singleRegion(), SynthesizedStacks.REGION);

    @Test
    void createsEveryWorkQueueAndItsDeadLetterQueueAndNothingElse() {
        assertThat(template.ofType("AWS::SQS::Queue").values()).extracting(properties -> properties.get("QueueName"))
            .containsExactlyInAnyOrderElementsOf(Queues.all()
                .stream()
                .flatMap(queue -> java.util.stream.Stream.of(queue.name(), queue.deadLetterQueueName()))
                .toList());
    }

    @Test
    void everyWorkQueueRedrivesToItsDeadLetterQueueAfterMaxReceiveCount() {
        for (QueueDefinition queue : Queues.all()) {
            Map<String, Object> properties = template
                .properties(template.idOf("AWS::SQS::Queue", "QueueName", queue.name()));
            @SuppressWarnings("unchecked")
            Map<String, Object> redrive = (Map<String, Object>) properties.get("RedrivePolicy");
            assertThat(redrive).as(queue.name()).isNotNull();
            assertThat(redrive.get("maxReceiveCount")).as(queue.name()).isEqualTo(queue.maxReceiveCount());
            assertThat(template.resolve(redrive.get("deadLetterTargetArn"))).as(queue.name())
                .isEqualTo("arn:aws:sqs:" + SynthesizedStacks.REGION + ":A:" + queue.deadLetterQueueName());
            assertThat(properties.get("VisibilityTimeout")).isEqualTo((int) queue.visibilityTimeout().toSeconds());
        }
    }

    @Test
    void deadLetterQueuesKeepMessagesForTheSqsMaximumAndRedriveNowhere() {
        for (QueueDefinition queue : Queues.all()) {
            Map<String, Object> properties = template
                .properties(template.idOf("AWS::SQS::Queue", "QueueName", queue.deadLetterQueueName()));
            assertThat(properties.get("MessageRetentionPeriod"))
                .isEqualTo((int) QueueDefinition.DLQ_RETENTION.toSeconds());
            assertThat(properties).doesNotContainKey("RedrivePolicy");
        }
    }

    @Test
    void everyQueueIsEncryptedAndRefusesPlainHttp() {
        assertThat(template.ofType("AWS::SQS::Queue").values())
            .allSatisfy(properties -> assertThat(properties.get("SqsManagedSseEnabled")).isEqualTo(true));
        assertThat(template.ofType("AWS::SQS::QueuePolicy").values().toString()).contains("aws:SecureTransport");
        assertThat(template.ofType("AWS::SQS::QueuePolicy")).hasSize(Queues.all().size() * 2);
    }

    @Test
    void maxReceiveCountComesFromTheContext() {
        var custom = new TemplateJson(SynthesizedStacks.withOptions(), SynthesizedStacks.REGION);
        assertThat(custom.ofType("AWS::SQS::Queue").values())
            .filteredOn(properties -> properties.containsKey("RedrivePolicy"))
            .hasSize(3)
            .allSatisfy(
                    properties -> assertThat(properties.get("RedrivePolicy").toString()).contains("maxReceiveCount=3"));
    }

}
