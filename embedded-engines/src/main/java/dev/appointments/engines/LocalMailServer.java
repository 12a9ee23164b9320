package dev.appointments.engines;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server on loopback (GreenMail) that keeps every mail it receives, and a small
 * HTTP endpoint to look at them: {@code GET /} (a page),
 * {@code GET /api/mails[?to=address]} (JSON), {@code DELETE /api/mails} (forget all).
 * GreenMail's own REST API lives in its shaded standalone jar, which would put a second
 * JAX-RS and Jackson on the services' classpath; a JDK {@code HttpServer} needs nothing
 * and works offline. For tests and the local run only.
 */
public final class LocalMailServer implements AutoCloseable {

    /** The SMTP port of the local run. */
    public static final int DEFAULT_SMTP_PORT = 3025;

    /** The HTTP port of the local run's mail viewer (MailHog's habit). */
    public static final int DEFAULT_HTTP_PORT = 8025;

    private static final String HOST = "127.0.0.1";

    private static final String API_PATH = "/api/mails";

    private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);

    private final GreenMail greenMail;

    private final HttpServer http;

    private LocalMailServer(GreenMail greenMail, HttpServer http) {
        this.greenMail = greenMail;
        this.http = http;
    }

    /** Starts on these ports; 0 picks a free one (tests). */
    public static LocalMailServer start(int smtpPort, int httpPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), httpPort), 0);
        }
        catch (IOException ex) {
            greenMail.stop();
            throw new UncheckedIOException("Cannot listen on " + HOST + ":" + httpPort, ex);
        }
        LocalMailServer server = new LocalMailServer(greenMail, http);
        http.createContext("/", server::handle);
        http.start();
        log.info("Local mail server: SMTP at {}:{}, received mails at {}", HOST, server.smtpPort(), server.webPage());
        return server;
    }

    /** Starts on free loopback ports. */
    public static LocalMailServer startOnFreePorts() {
        return start(0, 0);
    }

    public String host() {
        return HOST;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** The page that lists the received mails. */
    public URI webPage() {
        return URI.create("http://" + HOST + ":" + http.getAddress().getPort() + "/");
    }

    /** The JSON list of received mails. */
    public URI mailsEndpoint() {
        return webPage().resolve(API_PATH);
    }

    /** The Spring Mail properties that point a service at this server. */
    public Map<String, String> springProperties() {
        return Map.of("spring.mail.host", HOST, "spring.mail.port", Integer.toString(smtpPort()));
    }

    /** Every mail received so far, oldest first, one per recipient. */
    public List<ReceivedMail> received() {
        return Arrays.stream(greenMail.getReceivedMessages())
            .map(ReceivedMail::of)
            .sorted(Comparator.comparing(ReceivedMail::receivedAt))
            .toList();
    }

    /** The mails addressed to this recipient (case-insensitive), oldest first. */
    public List<ReceivedMail> receivedBy(String address) {
        return received().stream()
            .filter(mail -> mail.to().stream().anyMatch(to -> to.equalsIgnoreCase(address.trim())))
            .toList();
    }

    /** Forgets every received mail. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        }
        catch (FolderException ex) {
            throw new IllegalStateException("Could not purge the local mailboxes", ex);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        greenMail.stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (API_PATH.equals(path) && "DELETE".equals(method)) {
                purge();
                exchange.sendResponseHeaders(204, -1);
            }
            else if (API_PATH.equals(path) && "GET".equals(method)) {
                String to = query(exchange.getRequestURI(), "to");
                respond(exchange, "application/json", json(to == null ? received() : receivedBy(to)));
            }
            else if ("/".equals(path) && "GET".equals(method)) {
                respond(exchange, "text/html", page(received().reversed()));
            }
            else {
                respond(exchange, 404, "text/plain",
                        "Try GET / or GET " + API_PATH + "[?to=address] or DELETE " + API_PATH);
            }
        }
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        respond(exchange, 200, type, body);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String query(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String json(List<ReceivedMail> mails) {
        StringBuilder out = new StringBuilder("[");
        for (ReceivedMail mail : mails) {
            out.append(out.length() > 1 ? ",\n" : "\n")
                .append("{\"from\":")
                .append(quote(mail.from()))
                .append(",\"to\":[")
                .append(String.join(",", mail.to().stream().map(LocalMailServer::quote).toList()))
                .append("],\"subject\":")
                .append(quote(mail.subject()))
                .append(",\"receivedAt\":")
                .append(quote(mail.receivedAt().toString()))
                .append(",\"headers\":{");
            List<String> headers = new ArrayList<>();
            mail.headers().forEach((name, value) -> headers.add(quote(name) + ":" + quote(value)));
            out.append(String.join(",", headers))
                .append("},\"text\":")
                .append(quote(mail.text()))
                .append(",\"html\":")
                .append(quote(mail.html()))
                .append('}');
        }
        return out.append("\n]\n").toString();
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static String page(List<ReceivedMail> newestFirst) {
        StringBuilder out = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<title>Local mail</title></head><body style=\"font-family:sans-serif\"><h1>Received mails ("
                + newestFirst.size() + ")</h1><p>JSON: <a href=\"" + API_PATH + "\">" + API_PATH + "</a></p>");
        for (ReceivedMail mail : newestFirst) {
            out.append("<hr><h2>")
                .append(escape(mail.subject()))
                .append("</h2><p>")
                .append(mail.receivedAt())
                .append(" &middot; to ")
                .append(escape(String.join(", ", mail.to())))
                .append(" &middot; from ")
                .append(escape(mail.from()))
                .append("</p><pre>")
                .append(escape(mail.text()))
                .append("</pre>");
        }
        return out.append("</body></html>").toString();
    }

    private static String escape(String value) {
        return value == null ? ""
                : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * A received mail as its recipient sees it.
     *
     * @param from the sender
     * @param to the recipients
     * @param subject the decoded subject
     * @param receivedAt when the server stored it
     * @param text the {@code text/plain} part, or {@code null}
     * @param html the {@code text/html} part, or {@code null}
     * @param headers every header, the first value of each
     */
    public record ReceivedMail(String from, List<String> to, String subject, Instant receivedAt, String text,
            String html, Map<String, String> headers) {

        static ReceivedMail of(MimeMessage message) {
            try {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header header : java.util.Collections.list(message.getAllHeaders())) {
                    headers.putIfAbsent(header.getName(), header.getValue());
                }
                String[] parts = new String[2];
                collectText(message, parts);
                Address[] from = message.getFrom();
                Address[] to = message.getAllRecipients();
                return new ReceivedMail(from == null || from.length == 0 ? null : from[0].toString(),
                        to == null ? List.of()
                                : Arrays.stream(to)
                                    .map(Address::toString)
                                    .map(address -> address.toLowerCase(Locale.ROOT))
                                    .toList(),
                        message.getSubject(),
                        message.getReceivedDate() == null ? Instant.EPOCH : message.getReceivedDate().toInstant(),
                        parts[0], parts[1], headers);
            }
            catch (MessagingException | IOException ex) {
                throw new IllegalStateException("Unreadable mail in the local mail server", ex);
            }
        }

        private static void collectText(Part part, String[] parts) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && parts[0] == null) {
                parts[0] = part.getContent().toString();
            }
            else if (part.isMimeType("text/html") && parts[1] == null) {
                parts[1] = part.getContent().toString();
            }
            else if (part.getContent() instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collectText(multipart.getBodyPart(i), parts);
                }
            }
        }
    }

}
