package io.compclose.inquiry;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.compclose.core.inquiry.AdjustmentApproval;
import io.compclose.core.inquiry.AdjustmentProposal;
import io.compclose.core.inquiry.Attachment;
import io.compclose.core.inquiry.InquiryState;
import io.compclose.system.Amounts;
import io.compclose.system.ColumnText;

/**
 * inquiry, inquiry_message, inquiry_proposal and inquiry_adjustment: what reps asked, what finance answered,
 * proposed and approved.
 */
@Repository
public class InquiryRepository {

    /** An inquiry as listed and shown, with the statement line it is about (null fields for the whole statement). */
    public record Inquiry(long id, String repId, String period, int version, Integer lineNo, String raisedBy,
            LocalDateTime raisedAt, InquiryState state, String body, String attachmentName, String earningCode,
            BigDecimal lineAmount, String currency, String lineWhy, String proposedBy) {

        /** Where it stands, naming who proposed an adjustment that waits: "adjustment proposed by finance, waiting for approval" */
        public String status() {
            return state.waitingForApproval() && proposedBy != null
                    ? "adjustment proposed by " + proposedBy + ", waiting for approval" : state.describe();
        }

        /** "line 2" or "whole statement" */
        public String subject() {
            return lineNo == null ? "whole statement" : "line " + lineNo;
        }

        /** "line 2 COMMISSION USD 1,234.50", or "whole statement" */
        public String about() {
            return lineAmount == null ? subject()
                    : subject() + " " + earningCode + " " + currency + " " + Amounts.format(lineAmount);
        }
    }

    /** An answer, resolution or declined proposal; its email, if any, is in the delivery log. */
    public record Message(long inquiryId, int messageNo, String kind, String author, LocalDateTime writtenAt,
            String body) {

        /** Answers and resolutions go to the rep; a declined proposal is finance's own note. */
        public boolean emailed() {
            return !"DECLINED".equals(kind);
        }
    }

    public record Adjustment(long inquiryId, String adjustmentId, BigDecimal amount, String currency, String reason,
            String requestedBy, String approvedBy, String targetPeriod) {
    }

    /** A rep's statement line: what an inquiry may be about. */
    public record Line(int lineNo, String earningCode, BigDecimal amount, String currency) {
    }

    private static final String INQUIRY = """
            SELECT i.id, i.rep_id, i.pay_period, i.statement_version, i.line_no, i.raised_by, i.raised_at, i.state,
                i.body, i.attachment_name, l.earning_code, l.amount, COALESCE(l.currency, s.currency), l.why, p.proposed_by
            FROM inquiry i
            LEFT JOIN inquiry_proposal p ON p.inquiry_id = i.id
            LEFT JOIN pay_line l ON l.pay_period = i.pay_period AND l.rep_id = i.rep_id AND l.line_no = i.line_no
            LEFT JOIN statement s ON s.pay_period = i.pay_period AND s.rep_id = i.rep_id
                AND s.version = i.statement_version
            """;

    private final JdbcClient jdbc;

    public InquiryRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    public long raise(String repId, String period, int version, Integer lineNo, String raisedBy, LocalDateTime at,
            String body, Attachment attachment) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inquiry (rep_id, pay_period, statement_version, line_no, raised_by, raised_at, state, body,
                    attachment_name, attachment_type, attachment)
                VALUES (:rep, :period, :version, :line, :by, :at, :state, :body, :name, :type, :content)
                """).param("rep", repId).param("period", period).param("version", version).param("line", lineNo)
                .param("by", raisedBy).param("at", Timestamp.valueOf(at)).param("state", InquiryState.OPEN.name())
                .param("body", body).param("name", attachment == null ? null : ColumnText.fit(attachment.fileName(), 255))
                .param("type", attachment == null ? null : attachment.contentType())
                .param("content", attachment == null ? null : attachment.content())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Inquiry> find(long id) {
        return jdbc.sql(INQUIRY + " WHERE i.id = :id").param("id", id).query(this::inquiry).optional();
    }

    /** A rep's inquiries, newest first. */
    public List<Inquiry> ofRep(String repId) {
        return jdbc.sql(INQUIRY + " WHERE i.rep_id = :rep ORDER BY i.raised_at DESC, i.id DESC").param("rep", repId)
                .query(this::inquiry).list();
    }

    /** Finance's queue: the unresolved (waiting for approval among them) first, oldest first; then the resolved, newest first. */
    public List<Inquiry> queue() {
        return jdbc.sql(INQUIRY + " ORDER BY CASE WHEN i.state IN ('OPEN', 'ANSWERED', 'PROPOSED') THEN 0 ELSE 1 END, "
                + "CASE WHEN i.state IN ('OPEN', 'ANSWERED', 'PROPOSED') THEN i.id ELSE -i.id END")
                .query(this::inquiry).list();
    }

    public Optional<Attachment> attachment(long id) {
        return jdbc.sql("SELECT attachment_name, attachment_type, attachment FROM inquiry WHERE id = :id "
                + "AND attachment IS NOT NULL").param("id", id)
                .query((rs, i) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    public List<Message> messages(long id) {
        return jdbc.sql("""
                SELECT inquiry_id, message_no, kind, author, written_at, body FROM inquiry_message
                WHERE inquiry_id = :id ORDER BY message_no
                """).param("id", id).query(Message.class).list();
    }

    /** Moves the inquiry on if it still stands where it was read; false if someone else moved it first. */
    public boolean move(long id, InquiryState from, InquiryState to) {
        return jdbc.sql("UPDATE inquiry SET state = :to WHERE id = :id AND state = :from").param("to", to.name())
                .param("id", id).param("from", from.name()).update() == 1;
    }

    /** Adds finance's message; its number is the next of the inquiry's. */
    public int addMessage(long id, String kind, String author, LocalDateTime at, String body) {
        int next = jdbc.sql("SELECT COALESCE(MAX(message_no), 0) + 1 FROM inquiry_message WHERE inquiry_id = :id")
                .param("id", id).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO inquiry_message (inquiry_id, message_no, kind, author, written_at, body)
                VALUES (:id, :no, :kind, :author, :at, :body)
                """).param("id", id).param("no", next).param("kind", kind).param("author", ColumnText.fit(author, 128))
                .param("at", Timestamp.valueOf(at)).param("body", body).update();
        return next;
    }

    public void saveAdjustment(long id, AdjustmentApproval approval, String repId, String currency, String reason,
            String targetPeriod, LocalDateTime at) {
        jdbc.sql("""
                INSERT INTO inquiry_adjustment (inquiry_id, adjustment_id, rep_id, amount, currency, reason, requested_by,
                    approved_by, approved_at, target_period)
                VALUES (:id, :adjustment, :rep, :amount, :currency, :reason, :requested, :approved, :at, :target)
                """).param("id", id).param("adjustment", AdjustmentApproval.adjustmentId(id)).param("rep", repId)
                .param("amount", approval.amount()).param("currency", currency)
                .param("reason", ColumnText.fit(reason, 500)).param("requested", ColumnText.fit(approval.requestedBy(), 128))
                .param("approved", ColumnText.fit(approval.approvedBy(), 128)).param("at", Timestamp.valueOf(at))
                .param("target", targetPeriod).update();
    }

    /** Records the adjustment proposed for the inquiry, waiting for approval; one at a time. */
    public void propose(long id, AdjustmentProposal proposal, LocalDateTime at) {
        jdbc.sql("""
                INSERT INTO inquiry_proposal (inquiry_id, amount, reason, proposed_by, proposed_at)
                VALUES (:id, :amount, :reason, :by, :at)
                """).param("id", id).param("amount", proposal.amount()).param("reason", ColumnText.fit(proposal.reason(), 500))
                .param("by", ColumnText.fit(proposal.proposedBy(), 128)).param("at", Timestamp.valueOf(at)).update();
    }

    public Optional<AdjustmentProposal> proposal(long id) {
        return jdbc.sql("SELECT amount, reason, proposed_by FROM inquiry_proposal WHERE inquiry_id = :id")
                .param("id", id).query(AdjustmentProposal.class).optional();
    }

    /** Drops the proposal, approved (now an adjustment) or declined. */
    public void dropProposal(long id) {
        jdbc.sql("DELETE FROM inquiry_proposal WHERE inquiry_id = :id").param("id", id).update();
    }

    public Optional<Adjustment> adjustment(long id) {
        return jdbc.sql("""
                SELECT inquiry_id, adjustment_id, amount, currency, reason, requested_by, approved_by, target_period
                FROM inquiry_adjustment WHERE inquiry_id = :id
                """).param("id", id).query(Adjustment.class).optional();
    }

    /** The period the adjustment was paid in, once a close merged it. */
    public Optional<String> paidIn(String adjustmentId) {
        return jdbc.sql("SELECT pay_period FROM adjustment WHERE adjustment_id = :id").param("id", adjustmentId)
                .query(String.class).optional();
    }

    /** Whether the rep has that statement (period and version): what an inquiry may be raised on. */
    public Optional<String> statementCurrency(String repId, String period, int version) {
        return jdbc.sql("SELECT currency FROM statement WHERE rep_id = :rep AND pay_period = :period AND version = :v")
                .param("rep", repId).param("period", period).param("v", version).query(String.class).optional();
    }

    /** The rep's pay lines of the period, in statement order. */
    public List<Line> lines(String repId, String period) {
        return jdbc.sql("""
                SELECT line_no, earning_code, amount, currency FROM pay_line WHERE rep_id = :rep AND pay_period = :period
                ORDER BY line_no
                """).param("rep", repId).param("period", period).query(Line.class).list();
    }

    /** Where the rep's mail goes: the email and name of their roster row in the period. */
    public Optional<String[]> recipient(String repId, String period) {
        return jdbc.sql("""
                SELECT email, name FROM rep_assignment WHERE rep_id = :rep AND pay_period = :period
                ORDER BY effective_from DESC
                """).param("rep", repId).param("period", period)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).stream().findFirst();
    }

    private Inquiry inquiry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Inquiry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getObject(5) == null ? null : rs.getInt(5), rs.getString(6),
                rs.getTimestamp(7).toLocalDateTime(), InquiryState.valueOf(rs.getString(8)), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getBigDecimal(12), rs.getString(13), rs.getString(14),
                rs.getString(15));
    }
}
