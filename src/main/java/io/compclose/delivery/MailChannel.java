package io.compclose.delivery;

import jakarta.mail.internet.MimeMessage;

/** Where statement emails go: an SMTP server, or .eml files in the outbox folder. */
public interface MailChannel {

    String name();

    MimeMessage newMessage(Delivery delivery) throws Exception;

    void send(MimeMessage message, Delivery delivery) throws Exception;
}
