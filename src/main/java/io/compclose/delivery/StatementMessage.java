package io.compclose.delivery;

import java.nio.file.Files;
import java.time.format.TextStyle;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the statement email: short text and HTML bodies, the PDF attached, a fixed Message-ID. */
public final class StatementMessage {

    private StatementMessage() {
    }

    public static MimeMessage build(Session session, String from, Delivery delivery) throws Exception {
        MimeMessage message = new FixedIdMimeMessage(session, delivery.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        String month = delivery.period().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + delivery.period().getYear();
        helper.setFrom(from);
        helper.setSentDate(new java.util.Date());
        helper.setTo(delivery.recipient());
        boolean revised = delivery.version() > 1;
        helper.setSubject("Your " + (revised ? "revised " : "") + "commission statement for " + month);
        byte[] pdf = Files.readAllBytes(delivery.pdf());
        // an encrypted PDF carries an /Encrypt entry in its trailer
        boolean locked = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).contains("/Encrypt");
        String lockNote = locked ? "The PDF is protected: open it with the statement password you were given.\n" : "";
        String text = "Hello " + delivery.repName() + ",\n\n"
                + "your " + (revised ? "revised " : "") + "commission statement for " + month + " is attached.\n"
                + (revised ? "It replaces the one you received before; what changed is listed at its top.\n" : "")
                + lockNote
                + "It lists every credited booking with its rate and commission, so you can check each figure.\n"
                + "Questions go to your finance contact; please quote statement " + delivery.period() + " / "
                + delivery.repId() + " (version " + delivery.version() + ").\n";
        String html = "<p>Hello " + escape(delivery.repName()) + ",</p>"
                + "<p>your " + (revised ? "revised " : "") + "commission statement for <b>" + month
                + "</b> is attached.<br>"
                + (revised ? "It replaces the one you received before; what changed is listed at its top.<br>" : "")
                + (locked ? "The PDF is protected: open it with the statement password you were given.<br>" : "")
                + "It lists every credited booking with its rate and commission, so you can check each figure.</p>"
                + "<p>Questions go to your finance contact; please quote statement " + delivery.period() + " / "
                + escape(delivery.repId()) + " (version " + delivery.version() + ").</p>";
        helper.setText(text, html);
        helper.addAttachment("statement-" + delivery.period() + "-" + delivery.repId() + ".pdf",
                new ByteArrayResource(pdf), "application/pdf");
        message.saveChanges();
        return message;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Keeps the Message-ID we chose instead of a random one per send. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
