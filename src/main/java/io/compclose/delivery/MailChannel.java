package io.compclose.delivery;

import java.nio.file.Path;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

import io.compclose.system.CloseProperties;

/** Where statement emails go: an SMTP server, or .eml files in the outbox folder. */
public interface MailChannel {

    /** SMTP when {@code spring.mail.host} is set, otherwise .eml files in {@code outbox}. */
    static MailChannel of(ObjectProvider<JavaMailSender> smtp, CloseProperties properties, Path outbox) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender != null ? new SmtpChannel(sender, properties.mailFrom())
                : new OutboxChannel(outbox, properties.mailFrom());
    }

    String name();

    /** The sender address of the statement emails. */
    String from();

    Session session();

    default MimeMessage newMessage(Delivery delivery) throws Exception {
        return StatementMessage.build(session(), from(), delivery);
    }

    void send(MimeMessage message, Delivery delivery) throws Exception;

    /**
     * Whether a restart can tell afterwards what was sent (an outbox file is there or not), so that a
     * claim a killed close left is settled by the close itself; over SMTP it cannot.
     */
    default boolean tellsWhatWasSent() {
        return false;
    }
}
