package io.compclose.delivery;

import java.nio.file.Files;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the statement email: short text and HTML bodies, the PDF attached, a fixed Message-ID. */
public final class StatementMessage {

    /**
     * Jakarta Mail looks its stream provider up through the ServiceLoader for every body part it writes:
     * in the packaged jar, a scan of every nested jar per email. Named by the API's own system property,
     * it is made directly instead; set only when no one has named another.
     */
    private static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        String property = jakarta.mail.util.StreamProvider.class.getName();
        if (System.getProperty(property) == null && present(STREAM_PROVIDER)) {
            System.setProperty(property, STREAM_PROVIDER);
        }
    }

    private StatementMessage() {
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, StatementMessage.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public static MimeMessage build(Session session, String from, Delivery delivery) throws Exception {
        MimeMessage message = new FixedIdMimeMessage(session, delivery.messageId());
        MimeMessageHelper helper = new SharedTypesHelper(message);
        String month = delivery.period().describe();
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

    /**
     * Spring's helper, but with one file type map for every email: the helper's own reads mime.types from
     * the class path, which in the packaged jar was most of an outbox send's time (2,000 emails: 13 s).
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {
        private static final FileTypeMap TYPES = types();

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, true, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return TYPES;
        }

        private static FileTypeMap types() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
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
