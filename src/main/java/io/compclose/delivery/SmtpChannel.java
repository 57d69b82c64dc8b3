package io.compclose.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the configured SMTP server ({@code spring.mail.host}). */
public record SmtpChannel(JavaMailSender sender, String from) implements MailChannel {

    @Override
    public String name() {
        return "SMTP";
    }

    @Override
    public Session session() {
        return sender.createMimeMessage().getSession();
    }

    @Override
    public void send(MimeMessage message, Delivery delivery) {
        sender.send(message);
    }
}
