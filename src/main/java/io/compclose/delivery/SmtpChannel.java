package io.compclose.delivery;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the configured SMTP server ({@code spring.mail.host}). */
public final class SmtpChannel implements MailChannel {

    private final JavaMailSender sender;
    private final String from;

    public SmtpChannel(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public String name() {
        return "SMTP";
    }

    @Override
    public MimeMessage newMessage(Delivery delivery) throws Exception {
        return StatementMessage.build(sender.createMimeMessage().getSession(), from, delivery);
    }

    @Override
    public void send(MimeMessage message, Delivery delivery) {
        sender.send(message);
    }
}
