package io.compclose.delivery;

import java.nio.file.Path;
import io.compclose.core.plan.PayPeriod;

/**
 * One send of an email about a rep's statement: to whom, which version, which send (1 is the first, 2 and up
 * are resends), what it carries ({@link #STATEMENT}, with the PDF, or an inquiry's message about that statement),
 * and the PDF if any.
 */
public record Delivery(PayPeriod period, String repId, int version, int sendNo, String recipient, String repName,
        Path pdf, String subject) {

    /** The subject of the statement's own email. */
    public static final String STATEMENT = "statement";

    /** The statement's own email. */
    public Delivery(PayPeriod period, String repId, int version, int sendNo, String recipient, String repName,
            Path pdf) {
        this(period, repId, version, sendNo, recipient, repName, pdf, STATEMENT);
    }

    /** Message {@code messageNo} of inquiry {@code inquiryId}: its subject in the delivery log. */
    public static String inquirySubject(long inquiryId, int messageNo) {
        return inquirySubjects(inquiryId) + messageNo;
    }

    /** What the subjects of inquiry {@code inquiryId}'s messages start with. */
    public static String inquirySubjects(long inquiryId) {
        return "inquiry-" + inquiryId + "-";
    }

    public boolean statement() {
        return STATEMENT.equals(subject);
    }

    /** Stable across retries and restarts, so a message can be recognised wherever it lands. */
    public String messageId() {
        String first = statement()
                ? "statement." + period + "." + repId.replaceAll("[^A-Za-z0-9._-]", "_") + ".v" + version
                : subject.replace('-', '.');
        return "<" + first + (sendNo > 1 ? ".s" + sendNo : "") + "@compclose>";
    }
}
