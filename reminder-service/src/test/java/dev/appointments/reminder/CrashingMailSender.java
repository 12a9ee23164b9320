package dev.appointments.reminder;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender as the service has it, except that for recipients whose address starts
 * with {@value #PREFIX} the first send stops the delivery right after the SMTP server
 * accepted the mail, as an instance killed at that moment would: the exception is none
 * the notifier records, so the notification stays claimed with the channel STARTED, and
 * the message is not acknowledged.
 */
final class CrashingMailSender extends JavaMailSenderImpl {

    static final String PREFIX = "crash-after-smtp-";

    private final Set<String> crashedOnce = ConcurrentHashMap.newKeySet();

    CrashingMailSender(JavaMailSenderImpl configured) {
        setHost(configured.getHost());
        setPort(configured.getPort());
        setProtocol(configured.getProtocol());
        setUsername(configured.getUsername());
        setPassword(configured.getPassword());
        setDefaultEncoding(configured.getDefaultEncoding());
        setJavaMailProperties(configured.getJavaMailProperties());
    }

    @Override
    protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) throws MailException {
        super.doSend(mimeMessages, originalMessages);
        for (MimeMessage message : mimeMessages) {
            String recipient = recipient(message);
            if (recipient.startsWith(PREFIX) && crashedOnce.add(recipient)) {
                throw new InstanceStopped();
            }
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? "" : Arrays.stream(to).map(Address::toString).findFirst().orElse("");
        }
        catch (MessagingException ex) {
            return "";
        }
    }

    /** What a killed instance leaves: nothing recorded after the SMTP server's 250. */
    static final class InstanceStopped extends IllegalStateException {

        InstanceStopped() {
            super("Simulated stop of the instance after the SMTP server accepted the mail");
        }

    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wrapping {

        @Bean
        static BeanPostProcessor crashingMailSender() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof JavaMailSenderImpl sender && !(bean instanceof CrashingMailSender)
                            ? new CrashingMailSender(sender) : bean;
                }
            };
        }

    }

}
