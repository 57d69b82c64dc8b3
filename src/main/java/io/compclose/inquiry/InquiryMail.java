package io.compclose.inquiry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.compclose.cli.ServeProperties;
import io.compclose.delivery.Delivery;
import io.compclose.delivery.DeliveryProperties;
import io.compclose.delivery.DeliveryRepository;
import io.compclose.delivery.MailChannel;
import io.compclose.delivery.Postman;
import io.compclose.system.CloseProperties;
import io.compclose.system.PayCalendar;

/**
 * Emails a rep finance's answer or resolution, once per message, through the statements' delivery log and
 * postman: each message is one delivery of the statement it is about (subject inquiry-&lt;id&gt;-&lt;n&gt;),
 * claimed before it goes, sent through SMTP when {@code spring.mail.host} is set, else written to
 * {@code <out>/outbox/inquiries/inquiry-<id>-<n>.eml}, and its outcome recorded (SENT, FAILED, or SENDING when
 * the server's answer never came). The rep's and finance's words are escaped in the HTML part.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public class InquiryMail {

    private static final Logger log = LoggerFactory.getLogger(InquiryMail.class);

    private final InquiryRepository inquiries;
    private final PayCalendar calendar;
    private final DeliveryRepository deliveries;
    private final DeliveryProperties settings;
    private final ObjectProvider<JavaMailSender> smtp;
    private final CloseProperties close;
    private final Path outbox;

    public InquiryMail(InquiryRepository inquiries, DeliveryRepository deliveries, DeliveryProperties settings,
            ObjectProvider<JavaMailSender> smtp, CloseProperties close, ServeProperties serve, PayCalendar calendar) {
        this.calendar = calendar;
        this.inquiries = inquiries;
        this.deliveries = deliveries;
        this.settings = settings;
        this.smtp = smtp;
        this.close = close;
        this.outbox = serve.out().toAbsolutePath().normalize().resolve("outbox").resolve("inquiries");
    }

    /**
     * Sends the message unless it was sent (or is being sent) already; a failure is recorded in the delivery
     * log, not thrown: the answer or resolution it tells of is committed whatever the mail server says.
     * Returns what became of it, as a line ("sent to ...", "not sent: ...").
     */
    public String send(InquiryRepository.Inquiry inquiry, InquiryRepository.Message message) {
        return send(inquiry, message, 1, message.author());
    }

    /** Sends the message once more, as a new send asked for by {@code by}, whatever became of the ones before. */
    public String resend(InquiryRepository.Inquiry inquiry, InquiryRepository.Message message, String by) {
        return send(inquiry, message, deliveries.nextSendNo(calendar.period(inquiry.period()), inquiry.repId(),
                inquiry.version(), subject(inquiry.id(), message.messageNo())), by);
    }

    /** Each of the inquiry's emails, by message number: how its latest send went. */
    public Map<Integer, DeliveryRepository.LatestSend> sends(long inquiryId) {
        return deliveries.latestSends(Delivery.inquirySubjects(inquiryId)).values().stream().collect(
                Collectors.toMap(s -> Integer.valueOf(s.subject().substring(s.subject().lastIndexOf('-') + 1)),
                        s -> s, (a, b) -> b, TreeMap::new));
    }

    private static String subject(long inquiryId, int messageNo) {
        return Delivery.inquirySubject(inquiryId, messageNo);
    }

    /** Sends send {@code sendNo} of the message; what became of it, as a line ("sent to ...", "not sent: ..."). */
    private String send(InquiryRepository.Inquiry inquiry, InquiryRepository.Message message, int sendNo,
            String requestedBy) {
        MailChannel channel = MailChannel.of(smtp, close, outbox);
        Optional<String[]> recipient = inquiries.recipient(inquiry.repId(), inquiry.period());
        Delivery delivery = new Delivery(calendar.period(inquiry.period()), inquiry.repId(), inquiry.version(), sendNo,
                recipient.map(r -> r[0]).orElse("(none)"), recipient.map(r -> r[1]).orElse(inquiry.repId()), null,
                subject(inquiry.id(), message.messageNo()));
        try {
            if (recipient.isEmpty()) {
                String why = "no roster row of rep " + inquiry.repId() + " in " + inquiry.period() + " names their email";
                if (deliveries.claim(delivery, channel.name(), requestedBy)) {
                    deliveries.record(List.of(DeliveryRepository.Attempt.failed(delivery, 0, why)));
                }
                return "not sent: " + why;
            }
            Postman.Outcome outcome = new Postman(channel, deliveries, settings).deliver(delivery,
                    build(channel, delivery, inquiry, message), requestedBy);
            return switch (outcome.result()) {
                case SENT -> "sent to " + delivery.recipient();
                case ALREADY_HANDLED -> "sent already, or being sent";
                case FAILED_PERMANENT, FAILED_TRANSIENT -> "not sent: " + outcome.failure().reason();
            };
        } catch (Exception e) {
            // the postman recorded the outcome before it threw (the server refused the login)
            log.warn("inquiry #{} message {} was not emailed: {}", inquiry.id(), message.messageNo(), e.getMessage());
            return "not sent: " + e.getMessage();
        }
    }

    private static MimeMessage build(MailChannel channel, Delivery delivery, InquiryRepository.Inquiry inquiry,
            InquiryRepository.Message message) throws MessagingException {
        MimeMessage mail = new MimeMessage(channel.session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", delivery.messageId());
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
        helper.setFrom(channel.from());
        helper.setTo(delivery.recipient());
        String name = delivery.repName();
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
