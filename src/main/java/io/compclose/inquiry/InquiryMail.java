package io.compclose.inquiry;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.compclose.cli.ServeProperties;
import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseProperties;

/**
 * Emails a rep finance's answer or resolution, once per message: claimed in inquiry_message, then sent as
 * the statements are, through SMTP when {@code spring.mail.host} is set, else written to
 * {@code <out>/outbox/inquiries/inquiry-<id>-<n>.eml}. The rep's and finance's words are escaped in the HTML part.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public class InquiryMail {

    private static final Session OFFLINE = Session.getInstance(new Properties());

    private final InquiryRepository inquiries;
    private final ObjectProvider<JavaMailSender> smtp;
    private final String from;
    private final Path outbox;

    public InquiryMail(InquiryRepository inquiries, ObjectProvider<JavaMailSender> smtp, CloseProperties close,
            ServeProperties serve) {
        this.inquiries = inquiries;
        this.smtp = smtp;
        this.from = close.mailFrom();
        this.outbox = serve.out().toAbsolutePath().normalize().resolve("outbox").resolve("inquiries");
    }

    /** The outbox file of a message; written whole or not at all. */
    public static String fileName(long inquiryId, int messageNo) {
        return "inquiry-" + inquiryId + "-" + messageNo + ".eml";
    }

    /** Sends the message unless it was sent (or is being sent) already; a failure is recorded, not thrown. */
    public void send(InquiryRepository.Inquiry inquiry, InquiryRepository.Message message) {
        if (!inquiries.claimMail(inquiry.id(), message.messageNo())) {
            return;
        }
        try {
            String[] recipient = inquiries.recipient(inquiry.repId(), inquiry.period())
                    .orElseThrow(() -> new IllegalStateException("no roster row of rep " + inquiry.repId()
                            + " in " + inquiry.period() + " names their email"));
            JavaMailSender sender = smtp.getIfAvailable();
            MimeMessage mail = build(sender == null ? OFFLINE : sender.createMimeMessage().getSession(), inquiry,
                    message, recipient[0], recipient[1]);
            if (sender != null) {
                sender.send(mail);
            } else {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                mail.writeTo(bytes);
                AtomicFiles.write(outbox.resolve(fileName(inquiry.id(), message.messageNo())), bytes.toByteArray());
            }
            inquiries.recordMail(inquiry.id(), message.messageNo(), "SENT", null);
        } catch (Exception e) {
            inquiries.recordMail(inquiry.id(), message.messageNo(), "FAILED", String.valueOf(e.getMessage()));
        }
    }

    private MimeMessage build(Session session, InquiryRepository.Inquiry inquiry, InquiryRepository.Message message,
            String to, String name) throws MessagingException {
        String messageId = "<inquiry." + inquiry.id() + "." + message.messageNo() + "@compclose>";
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        boolean answer = "ANSWER".equals(message.kind());
        String what = "your inquiry #" + inquiry.id() + " on statement " + inquiry.period() + " (" + inquiry.subject()
                + ")";
        helper.setSubject((answer ? "Answer to " : "Resolved: ") + what.substring(5));
        helper.setText("Hello " + name + ",\n\n" + (answer ? message.author() + " answered " : what + " is "
                + inquiry.state().describe() + ". ") + (answer ? what + ":\n\n" : "\n\n") + message.body()
                + "\n\nYou asked:\n" + inquiry.body() + "\n",
                "<p>Hello " + HtmlUtils.htmlEscape(name) + ",</p><p>" + (answer ? HtmlUtils.htmlEscape(message.author())
                        + " answered " + what + ":" : what + " is <b>" + inquiry.state().describe() + "</b>.")
                        + "</p><blockquote>" + HtmlUtils.htmlEscape(message.body()) + "</blockquote><p>You asked:</p>"
                        + "<blockquote>" + HtmlUtils.htmlEscape(inquiry.body()) + "</blockquote>");
        mail.saveChanges();
        return mail;
    }
}
