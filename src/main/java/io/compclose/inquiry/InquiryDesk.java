package io.compclose.inquiry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.compclose.audit.AuditLogRepository.Action;
import io.compclose.audit.AuditLogRepository;
import io.compclose.core.inquiry.AdjustmentApproval;
import io.compclose.core.inquiry.AdjustmentProposal;
import io.compclose.core.inquiry.Attachment;
import io.compclose.core.inquiry.InquiryException;
import io.compclose.core.inquiry.InquiryState;
import io.compclose.core.plan.PayPeriod;
import io.compclose.delivery.DeliveryRepository;
import io.compclose.period.PeriodLifecycleRepository;
import io.compclose.system.PayCalendar;

/**
 * What the console's inquiry pages do: a rep raises an inquiry on their statement, finance answers and
 * resolves it, with no change or with an adjustment one finance user proposes and another approves, paid by
 * the next open period's close. Each step is one transaction with its audit row; the rep's email follows the commit.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Service
public class InquiryDesk {

    public static final int MAX_TEXT = 4000;

    private final InquiryRepository inquiries;
    private final PeriodLifecycleRepository periods;
    private final AuditLogRepository audit;
    private final InquiryMail mail;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PayCalendar calendar;

    public InquiryDesk(InquiryRepository inquiries, PeriodLifecycleRepository periods, AuditLogRepository audit,
            InquiryMail mail, PlatformTransactionManager transactionManager, Clock clock, PayCalendar calendar) {
        this.calendar = calendar;
        this.inquiries = inquiries;
        this.periods = periods;
        this.audit = audit;
        this.mail = mail;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Raises an inquiry on the rep's own statement (a line of it, or all of it); returns its id. */
    public long raise(String repId, String username, PayPeriod period, int version, Integer lineNo, String text,
            Attachment attachment) {
        String body = text(text, "Say what your question is.");
        inquiries.statementCurrency(repId, period.toString(), version).orElseThrow(() -> new InquiryException(
                "You have no statement " + period + " version " + version + "."));
        if (lineNo != null && inquiries.lines(repId, period.toString()).stream().noneMatch(l -> l.lineNo() == lineNo)) {
            throw new InquiryException("Your statement " + period + " has no line " + lineNo + ".");
        }
        return transaction.execute(status -> {
            long id = inquiries.raise(repId, period.toString(), version, lineNo, username, now(), body, attachment);
            audit.record(username, Action.INQUIRY, period, "raised inquiry #" + id + " on statement " + period
                    + " v" + version + (lineNo == null ? "" : " line " + lineNo) + " of rep " + repId
                    + (attachment == null ? "" : " with attachment " + attachment.fileName()));
            return id;
        });
    }

    /** Answers the rep; returns what became of the email ("the rep is emailed", or why not). */
    public String answer(long id, String by, String text) {
        String body = text(text, "Write the answer.");
        int no = transaction.execute(status -> {
            InquiryRepository.Inquiry inquiry = inquiry(id);
            move(inquiry, inquiry.state().answered());
            audit.record(by, Action.ANSWER, calendar.period(inquiry.period()), "answered inquiry #" + id + " of rep "
                    + inquiry.repId());
            return inquiries.addMessage(id, "ANSWER", by, now(), body);
        });
        return mailMessage(id, no);
    }

    /** Resolves with no change; returns what became of the email. */
    public String resolveWithoutChange(long id, String by, String reason) {
        String body = text(reason, "Say why nothing changes.");
        int no = transaction.execute(status -> {
            InquiryRepository.Inquiry inquiry = inquiry(id);
            move(inquiry, inquiry.state().resolvedWithoutChange());
            audit.record(by, Action.RESOLVE, calendar.period(inquiry.period()), "resolved inquiry #" + id
                    + " of rep " + inquiry.repId() + " with no change");
            return inquiries.addMessage(id, "RESOLVED", by, now(), "No change: " + body);
        });
        return mailMessage(id, no);
    }

    /**
     * Proposes to resolve with an adjustment; nothing is paid, and the rep hears nothing, until another finance
     * user approves it ({@link #approve}).
     */
    public String propose(long id, String by, BigDecimal amount, String reason) {
        AdjustmentProposal proposal = AdjustmentProposal.of(amount, reason, by);
        return transaction.execute(status -> {
            InquiryRepository.Inquiry inquiry = inquiry(id);
            move(inquiry, inquiry.state().adjustmentProposed());
            inquiries.propose(id, proposal, now());
            String money = inquiry.currency() + " " + proposal.amount().toPlainString();
            audit.record(by, Action.RESOLVE, calendar.period(inquiry.period()), "proposed adjustment "
                    + AdjustmentApproval.adjustmentId(id) + " of " + money + " for inquiry #" + id + " of rep "
                    + inquiry.repId() + ": " + proposal.reason());
            return "Adjustment of " + money + " proposed; it waits for another finance user's approval.";
        });
    }

    /**
     * Approves the proposed adjustment as {@code by}, the signed-in finance user: paid as INQ-&lt;id&gt; by the
     * next open period's close, the rep emailed. An approval by the one who proposed it is refused, and the
     * refusal audited.
     */
    public String approve(long id, String by) {
        InquiryRepository.Inquiry read = inquiry(id);
        read.state().approved();
        AdjustmentApproval approval;
        try {
            approval = inquiries.proposal(id).orElseThrow(() -> new InquiryException("Inquiry #" + id
                    + " has no proposed adjustment.")).approvedBy(by, read.repId());
        } catch (InquiryException refused) {
            audit.record(by, Action.REFUSED, calendar.period(read.period()), "approval of the adjustment of inquiry #"
                    + id + " refused: " + refused.getMessage());
            throw refused;
        }
        PayPeriod target = periods.nextOpen(calendar.period(read.period()));
        String money = read.currency() + " " + approval.amount().toPlainString();
        int no = transaction.execute(status -> {
            InquiryRepository.Inquiry inquiry = inquiry(id);
            move(inquiry, inquiry.state().approved());
            inquiries.dropProposal(id);
            String text = approval.statementText(id, inquiry.period(), inquiry.lineNo());
            inquiries.saveAdjustment(id, approval, inquiry.repId(), inquiry.currency(), text, target.toString(), now());
            audit.record(by, Action.ADJUST, target, "approved adjustment " + AdjustmentApproval.adjustmentId(id)
                    + " of " + money + " for rep " + inquiry.repId() + ", proposed by " + approval.requestedBy() + ": "
                    + approval.reason());
            audit.record(approval.requestedBy(), Action.RESOLVE, calendar.period(inquiry.period()), "resolved inquiry #"
                    + id + " of rep " + inquiry.repId() + " with adjustment " + AdjustmentApproval.adjustmentId(id)
                    + " of " + money + ", paid in " + target);
            return inquiries.addMessage(id, "RESOLVED", approval.requestedBy(), now(), "Adjusted by " + money
                    + ", paid with the close of " + target + ": " + approval.reason());
        });
        return "Adjustment " + AdjustmentApproval.adjustmentId(id) + " of " + money + " approved by " + by
                + "; it is paid with the close of " + target + "; " + mailMessage(id, no);
    }

    /** Declines the proposed adjustment: the inquiry is answered again, the reason one of its messages. */
    public void decline(long id, String by, String reason) {
        String body = text(reason, "Say why the adjustment is declined.");
        transaction.executeWithoutResult(status -> {
            InquiryRepository.Inquiry inquiry = inquiry(id);
            AdjustmentProposal proposal = inquiries.proposal(id).orElse(null);
            move(inquiry, inquiry.state().declined());
            inquiries.dropProposal(id);
            String what = proposal == null ? "the adjustment"
                    : "the adjustment of " + inquiry.currency() + " " + proposal.amount().toPlainString()
                            + " proposed by " + proposal.proposedBy();
            audit.record(by, Action.RESOLVE, calendar.period(inquiry.period()), "declined " + what + " for inquiry #"
                    + id + " of rep " + inquiry.repId() + ": " + body);
            inquiries.addMessage(id, "DECLINED", by, now(), "Declined " + what + ": " + body);
        });
    }

    /**
     * Emails one of finance's messages to the rep again, as a new send in the delivery log asked for by
     * {@code by}: an email lost, or one the server refused or never confirmed. Audited as a statement's resend is.
     */
    public String emailAgain(long id, int messageNo, String by) {
        InquiryRepository.Inquiry inquiry = inquiry(id);
        InquiryRepository.Message message = inquiries.messages(id).stream()
                .filter(m -> m.messageNo() == messageNo && m.emailed()).findFirst()
                .orElseThrow(() -> new InquiryException("Inquiry #" + id + " has no message " + messageNo
                        + " that is emailed to the rep."));
        String said = mail.resend(inquiry, message, by);
        audit.record(by, Action.RESEND, calendar.period(inquiry.period()), "email of inquiry #" + id + " message "
                + messageNo + " to rep " + inquiry.repId() + ": " + said);
        return "Message " + messageNo + " emailed again: " + said + ".";
    }

    /** How the latest send of each of the inquiry's emails went, by message number. */
    public Map<Integer, DeliveryRepository.LatestSend> emails(long id) {
        return mail.sends(id);
    }

    public InquiryRepository.Inquiry inquiry(long id) {
        return inquiries.find(id).orElseThrow(() -> new InquiryException("There is no inquiry #" + id + "."));
    }

    private void move(InquiryRepository.Inquiry inquiry, InquiryState to) {
        if (!inquiries.move(inquiry.id(), inquiry.state(), to)) {
            throw new InquiryException("Inquiry #" + inquiry.id() + " was changed meanwhile; look at it again.");
        }
    }

    /** Emails the message once; says so, or why it was not sent ("email it again" sends it as a new send). */
    private String mailMessage(long id, int messageNo) {
        InquiryRepository.Inquiry inquiry = inquiry(id);
        String said = inquiries.messages(id).stream().filter(m -> m.messageNo() == messageNo && m.emailed())
                .findFirst().map(message -> mail.send(inquiry, message)).orElse("not emailed");
        return said.startsWith("not sent: ") ? "the email to the rep was not sent (" + said.substring(10)
                + "): email it again from this page." : "the rep is emailed.";
    }

    private static String text(String text, String missing) {
        if (text == null || text.isBlank()) {
            throw new InquiryException(missing);
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new InquiryException("At most " + MAX_TEXT + " characters, please.");
        }
        return text.strip();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
