package dev.appointments.reminder.delivery;

import java.net.http.HttpClient;
import java.time.Clock;

import dev.appointments.reminder.ReminderServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channels, in the order they are tried (e-mail first, then the provider's webhook),
 * and the retries around them.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    @Order(1)
    Channel mailChannel(JavaMailSender mailSender, ReminderServiceProperties properties) {
        return new MailChannel(mailSender, new Letters(properties.patientPageUrl()), properties.mail().from());
    }

    @Bean
    @Order(2)
    Channel webhookChannel(JsonMapper json, ReminderServiceProperties properties) {
        HttpClient http = HttpClient.newBuilder()
            .connectTimeout(properties.delivery().timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        return new WebhookChannel(http, json, properties.webhooks(), properties.delivery().timeout());
    }

    @Bean
    DeliveryAttempts deliveryAttempts(ReminderServiceProperties properties, Clock clock) {
        var delivery = properties.delivery();
        return new DeliveryAttempts(delivery.maxAttempts(), delivery.initialBackoff(), delivery.backoffMultiplier(),
                clock);
    }

}
