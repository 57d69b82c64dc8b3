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
 * {@code .eml}.
 */
public final class OutboxChannel implements MailChannel {

    private final Path outbox;
    private final String from;
    private final Session session = Session.getInstance(new Properties());

    public OutboxChannel(Path outbox, String from) {
        this.outbox = outbox;
        this.from = from;
    }

    @Override
    public String name() {
        return "OUTBOX";
    }

    @Override
    public boolean tellsWhatWasSent() {
        return true;
    }

    @Override
    public MimeMessage newMessage(Delivery delivery) throws Exception {
        return StatementMessage.build(session, from, delivery);
    }

    @Override
    public void send(MimeMessage message, Delivery delivery) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        AtomicFiles.write(outbox.resolve(fileName(delivery.repId(), delivery.version(), delivery.sendNo())),
                bytes.toByteArray());
    }

    /** The outbox file of one send, written whole or not at all: whether it exists says whether it was sent. */
    public static String fileName(String repId, int version, int sendNo) {
        return repId + (version > 1 ? ".v" + version : "") + (sendNo > 1 ? ".resend-" + sendNo : "") + ".eml";
    }
}
