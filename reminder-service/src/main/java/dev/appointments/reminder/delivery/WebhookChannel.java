package dev.appointments.reminder.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import dev.appointments.reminder.ReminderServiceProperties.Webhook;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional webhook of a provider: a JSON POST signed with HMAC-SHA256 over the body
 * ({@link WebhookSignature}). A 2xx answer is a delivery; a timeout, an unreachable
 * receiver, 408, 429 or 5xx may pass and are retried; any other answer will not change by
 * asking again.
 */
final class WebhookChannel implements Channel {

    private final HttpClient http;

    private final JsonMapper json;

    private final Map<String, Webhook> webhooks;

    private final Duration timeout;

    WebhookChannel(HttpClient http, JsonMapper json, Map<String, Webhook> webhooks, Duration timeout) {
        this.http = http;
        this.json = json;
        this.webhooks = webhooks;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean appliesTo(Notice notice) {
        Webhook webhook = webhooks.get(notice.appointment().providerId());
        return webhook != null && webhook.url() != null;
    }

    @Override
    public void deliver(Notice notice) {
        Webhook webhook = webhooks.get(notice.appointment().providerId());
        byte[] body = json.writeValueAsBytes(WebhookPayload.of(notice));
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook.url())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("X-Notification-Id", notice.notificationId())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (webhook.secret() != null && !webhook.secret().isEmpty()) {
            request.header(WebhookSignature.HEADER, WebhookSignature.of(webhook.secret(), body));
        }
        int status = send(request.build());
        if (status / 100 == 2) {
            return;
        }
        boolean mayPass = status == 408 || status == 429 || status >= 500;
        throw new DeliveryFailed("HTTP_" + status, mayPass, null);
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (HttpTimeoutException ex) {
            throw new DeliveryFailed("HTTP_TIMEOUT", true, ex);
        }
        catch (ConnectException ex) {
            throw new DeliveryFailed("HTTP_UNREACHABLE", true, ex);
        }
        catch (IOException ex) {
            throw new DeliveryFailed("HTTP_IO_ERROR", true, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("INTERRUPTED", false, ex);
        }
    }

}
