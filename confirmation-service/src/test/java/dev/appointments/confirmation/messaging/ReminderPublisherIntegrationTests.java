package dev.appointments.confirmation.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.resources.Queues;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notices of one step reach appointment-reminders in one SendMessageBatch, each as
 * its own message with its type attribute, as the reminder-service reads them.
 */
@SpringBootTest(properties = { "spring.config.name=confirmation-service", "logging.level.software.amazon.dynamodb=WARN",
        "logging.level.org.elasticmq=WARN" })
@Import(ReminderPublisherIntegrationTests.CountingSqs.class)
class ReminderPublisherIntegrationTests {

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> LocalAuthServer.shared().issuerUri().toString());
    }

    /** SQS operations the service's client sent, in order. */
    static final List<String> OPERATIONS = new CopyOnWriteArrayList<>();

    @Autowired
    ReminderPublisher publisher;

    private final EmbeddedEngines engines = EmbeddedEngines.shared();

    @Test
    void aConfirmationNoticeAndItsReminderPlanGoInOneSendMessageBatch() {
        String appointmentId = "appt-" + UUID.randomUUID();
        NotifyPatient notice = new NotifyPatient("req-" + UUID.randomUUID(), appointmentId, NoticeKind.CONFIRMED);
        PlanReminders plan = new PlanReminders(appointmentId, Instant.parse("2027-03-04T15:00:00Z"));
        OPERATIONS.clear();

        publisher.publish(List.of(notice, plan));

        assertThat(OPERATIONS).filteredOn(operation -> operation.startsWith("Send"))
            .containsExactly("SendMessageBatch");
        assertThat(receivedFor(appointmentId, 2)).containsOnlyKeys("NotifyPatient", "PlanReminders");
    }

    @Test
    void aSingleNoticeGoesAsOneMessage() {
        String appointmentId = "appt-" + UUID.randomUUID();
        OPERATIONS.clear();

        publisher.publish(List.of(new NotifyPatient("req-" + UUID.randomUUID(), appointmentId, NoticeKind.DECLINED)));

        assertThat(OPERATIONS).filteredOn(operation -> operation.startsWith("Send")).containsExactly("SendMessage");
        assertThat(receivedFor(appointmentId, 1)).containsOnlyKeys("NotifyPatient");
    }

    /**
     * The bodies of this appointment's messages on appointment-reminders by their type
     * attribute.
     */
    private Map<String, String> receivedFor(String appointmentId, int count) {
        String url = engines.sqs().getQueueUrl(request -> request.queueName(Queues.APPOINTMENT_REMINDERS)).queueUrl();
        Map<String, String> byType = new java.util.HashMap<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Message> batch = new ArrayList<>(engines.sqs()
                .receiveMessage(request -> request.queueUrl(url)
                    .maxNumberOfMessages(10)
                    .visibilityTimeout(1)
                    .messageAttributeNames("All"))
                .messages());
            for (Message message : batch) {
                if (message.body().contains(appointmentId)) {
                    byType.put(message.messageAttributes().get("type").stringValue(), message.body());
                    engines.sqs()
                        .deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
            return byType.size() >= count;
        });
        return byType;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountingSqs {

        @Bean
        SqsAsyncClientCustomizer countingSqs() {
            return builder -> builder.overrideConfiguration(
                    configuration -> configuration.addExecutionInterceptor(new ExecutionInterceptor() {
                        @Override
                        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                            OPERATIONS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                        }
                    }));
        }

    }

}
