package io.compclose.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where statement emails go: an SMTP server, or .eml files in the outbox folder. */
public interface MailChannel {

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
