package dev.appointments.reminder.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP: a multipart message with a plain-text and an HTML alternative, to the
 * patient's address. The notification id travels in the header {@code X-Notification-Id},
 * and the {@code Message-ID} is derived from it ({@link MessageIds}): every attempt, and
 * a copy sent again after a crash, is recognisably the same message.
 */
final class MailChannel implements Channel {

    static final String NOTIFICATION_ID_HEADER = "X-Notification-Id";

    private static final Pattern SMTP_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)\\b");

    private final JavaMailSender mailSender;

    private final Letters letters;

    private final String from;

    MailChannel(JavaMailSender mailSender, Letters letters, String from) {
        this.mailSender = mailSender;
        this.letters = letters;
        this.from = from;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean appliesTo(Notice notice) {
        return notice.patient().email() != null && !notice.patient().email().isBlank();
    }

    @Override
    public void deliver(Notice notice) {
        MimeMessage message = compose(notice);
        try {
            mailSender.send(message);
        }
        catch (MailAuthenticationException ex) {
            throw new DeliveryFailed("SMTP_AUTHENTICATION", false, ex);
        }
        catch (MailSendException ex) {
            throw classify(ex);
        }
        catch (MailException ex) {
            throw new DeliveryFailed("SMTP_ERROR", true, ex);
        }
    }

    private MimeMessage compose(Notice notice) {
        Letter letter = letters.write(notice);
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(notice.patient().email());
            helper.setSubject(letter.subject());
            helper.setText(letter.text(), letter.html());
            message.setHeader(NOTIFICATION_ID_HEADER, notice.notificationId());
            // JavaMailSenderImpl keeps a Message-ID that is set before sending instead of
            // generating a random one.
            message.setHeader("Message-ID", MessageIds.of(notice.notificationId(), name(), from));
            return message;
        }
        catch (MessagingException ex) {
            // An address the mail API refuses: no attempt will do better.
            throw new DeliveryFailed("MAIL_INVALID", false, ex);
        }
    }

    /**
     * Says why a send failed without quoting the server, whose reply may contain the
     * address: a 4xx reply or an unreachable server may pass, a 5xx reply will not.
     */
    private static DeliveryFailed classify(MailSendException ex) {
        Throwable cause = ex;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = next(cause)) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return new DeliveryFailed("SMTP_UNREACHABLE", true, ex);
            }
            if (cause instanceof SocketTimeoutException) {
                return new DeliveryFailed("SMTP_TIMEOUT", true, ex);
            }
            if (cause instanceof MessagingException && cause.getMessage() != null) {
                Matcher code = SMTP_CODE.matcher(cause.getMessage());
                if (code.find()) {
                    boolean permanent = code.group(1).startsWith("5");
                    return new DeliveryFailed("SMTP_" + code.group(1), !permanent, ex);
                }
            }
        }
        return new DeliveryFailed("SMTP_ERROR", true, ex);
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            Exception first = send.getFailedMessages().values().iterator().next();
            return first != failure ? first : failure.getCause();
        }
        if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }

}
