package io.compclose.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.compclose.system.AtomicFiles;

/**
 * With no SMTP server configured, each email is written as {@code outbox/<period>/<rep>.eml}, a
 * revised statement's as {@code <rep>.v<version>.eml}, a resend with {@code .resend-<n>} before
 * {@code .eml}; an inquiry's message as {@code inquiry-<id>-<message>.eml} in the outbox it is given.
 */
public record OutboxChannel(Path outbox, String from) implements MailChannel {

    /** A session without a server: the messages are only written out. */
    private static final Session OFFLINE = Session.getInstance(new Properties());

    @Override
    public String name() {
        return "OUTBOX";
    }

    @Override
    public boolean tellsWhatWasSent() {
        return true;
    }

    @Override
    public Session session() {
        return OFFLINE;
    }

    @Override
    public void send(MimeMessage message, Delivery delivery) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        AtomicFiles.write(outbox.resolve(delivery.statement()
                ? fileName(delivery.repId(), delivery.version(), delivery.sendNo())
                : delivery.subject() + (delivery.sendNo() > 1 ? ".resend-" + delivery.sendNo() : "") + ".eml"),
                bytes.toByteArray());
    }

    /** The outbox file of one send, written whole or not at all: whether it exists says whether it was sent. */
    public static String fileName(String repId, int version, int sendNo) {
        return repId + (version > 1 ? ".v" + version : "") + (sendNo > 1 ? ".resend-" + sendNo : "") + ".eml";
    }
}
