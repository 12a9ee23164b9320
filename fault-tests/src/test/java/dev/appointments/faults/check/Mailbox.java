package dev.appointments.faults.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local mail server's mailbox, read through its HTTP API ({@code GET /api/mails}) as
 * a patient's inbox would be: every mail with its recipients and the
 * {@code X-Notification-Id} the reminder-service gives each notification.
 */
public final class Mailbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI mails;

    private final HttpClient http = HttpClient.newHttpClient();

    public Mailbox(URI mails) {
        this.mails = mails;
    }

    public List<Mail> all() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(mails).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Mail> result = new ArrayList<>();
            for (JsonNode mail : JSON.readTree(response.body())) {
                List<String> to = new ArrayList<>();
                mail.get("to").forEach(address -> to.add(address.asString()));
                JsonNode id = mail.get("headers").get("X-Notification-Id");
                result.add(new Mail(to, mail.get("subject").asString(), id == null ? null : id.asString(),
                        java.time.Instant.parse(mail.get("receivedAt").asString())));
            }
            return result;
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /**
     * Copies beyond the first of one notification to one recipient: a patient got the
     * same mail twice.
     */
    public static int duplicates(List<Mail> mails) {
        Map<String, Long> copies = mails.stream()
            .filter(mail -> mail.notificationId() != null)
            .collect(Collectors.groupingBy(mail -> mail.notificationId() + "|" + mail.to(), Collectors.counting()));
        return (int) copies.values().stream().mapToLong(count -> count - 1).sum();
    }

    /**
     * The notification ids that reached one recipient more than once, with how many
     * copies, at most ten.
     */
    public static Map<String, Long> duplicated(List<Mail> mails) {
        Map<String, Long> copies = mails.stream()
            .filter(mail -> mail.notificationId() != null)
            .collect(Collectors.groupingBy(mail -> mail.notificationId() + " to " + mail.to(), Collectors.counting()));
        return copies.entrySet()
            .stream()
            .filter(entry -> entry.getValue() > 1)
            .limit(10)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The mails of these recipients only: a scenario judges its own patients' mail. */
    public static List<Mail> toAny(List<Mail> mails, java.util.Collection<String> recipients) {
        java.util.Set<String> wanted = recipients.stream()
            .map(r -> r.toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.toSet());
        return mails.stream().filter(mail -> mail.to().stream().anyMatch(wanted::contains)).toList();
    }

    /**
     * The e-mail address of the patient a booking of the suite created (see
     * Commands.book).
     */
    public static String patientOf(String bookingRequestId) {
        return bookingRequestId.toLowerCase(java.util.Locale.ROOT) + "@example.com";
    }

    /** The mails to recipients that match. */
    public static List<Mail> to(List<Mail> mails, Function<String, Boolean> recipient) {
        return mails.stream().filter(mail -> mail.to().stream().anyMatch(recipient::apply)).toList();
    }

    /**
     * A received mail.
     *
     * @param to its recipients
     * @param subject its subject
     * @param notificationId the reminder-service's id of the notification it carries
     * @param receivedAt when the mail server received it
     */
    public record Mail(List<String> to, String subject, String notificationId, java.time.Instant receivedAt) {
    }

}
