package io.compclose.reconciliation;

import io.compclose.core.reconciliation.ControlChain;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The close summary finance keeps: pay by earning code, earnings by plan and component, the
 * control-total chain, rejected rows by reason, bookings not credited, corrections paid for locked
 * periods, statements not delivered, what was flagged for review and who approved it. Read from the
 * close's tables, as rows of titled sections.
 */
@Repository
public class CloseSummaryRepository {

    /** One line of a section; {@code count}, {@code amount}, {@code currency} and {@code detail} may be empty. */
    public record Row(String section, String item, String currency, Long count, BigDecimal amount, String detail) {
    }

    /** What a send whose fate is unknown means, and what to do about it. */
    private static final String UNCONFIRMED = "unconfirmed: interrupted while sending, it may or may not have "
            + "arrived; not sent again by itself (ask the rep, then resend --rep=%s if it did not)";

    private final JdbcTemplate jdbc;

    public CloseSummaryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> rows(YearMonth period, int revision) {
        String p = period.toString();
        List<Row> rows = new ArrayList<>();
        rows.addAll(jdbc.query("""
                SELECT earning_code, currency, COUNT(DISTINCT rep_id), SUM(amount) FROM payout WHERE pay_period = ?
                GROUP BY earning_code, currency ORDER BY earning_code, currency
                """, (rs, i) -> new Row("Payout by earning code", rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getBigDecimal(4), "reps paid"), p));
        rows.addAll(jdbc.query("""
                SELECT plan_id, plan_version, component_id, currency, COUNT(*), SUM(amount) FROM earning_line
                WHERE pay_period = ? AND source_period = ?
                GROUP BY plan_id, plan_version, component_id, currency ORDER BY plan_id, plan_version, component_id
                """, (rs, i) -> new Row("Earned this period by plan and component", rs.getString(1) + " v" + rs.getInt(2)
                + " " + rs.getString(3), rs.getString(4), rs.getLong(5), rs.getBigDecimal(6), "earning lines"), p, p));
        rows.addAll(jdbc.query("""
                SELECT stage, currency, row_count, amount FROM control_total
                WHERE pay_period = ? AND NOT (row_count = 0 AND amount = 0) ORDER BY stage, currency
                """, (rs, i) -> new Row("Control totals", rs.getString(1), blankToNull(rs.getString(2)), rs.getLong(3),
                rs.getBigDecimal(4).signum() == 0 && rs.getString(2).isEmpty() ? null : rs.getBigDecimal(4),
                ControlChain.meaning(rs.getString(1))), p).stream()
                .sorted(java.util.Comparator.comparing((Row r) -> ControlChain.sortKey(r.item())))
                .toList());
        rows.addAll(jdbc.query("""
                SELECT source_file, column_name, reason, COUNT(*) FROM intake_reject WHERE pay_period = ? AND kind = 'REJECTED'
                GROUP BY source_file, column_name, reason ORDER BY source_file, column_name, reason
                """, (rs, i) -> new Row("Rejected input rows by reason", rs.getString(1) + (rs.getString(2).isEmpty() ? ""
                : " " + rs.getString(2)), null, rs.getLong(4), null, rs.getString(3)), p));
        rows.addAll(jdbc.query("""
                SELECT booking_id, currency, amount, reason FROM credit_exception WHERE pay_period = ? ORDER BY booking_id
                """, (rs, i) -> new Row("Bookings not credited (not paid)", rs.getString(1), rs.getString(2), null,
                rs.getBigDecimal(3), rs.getString(4)), p));
        rows.addAll(jdbc.query("""
                SELECT rep_id, currency, amount, why FROM pay_line
                WHERE pay_period = ? AND earning_code = 'ADJUSTMENT' AND reference LIKE 'corrects:%' ORDER BY rep_id
                """, (rs, i) -> new Row("Corrections for locked periods", rs.getString(1), rs.getString(2), null,
                rs.getBigDecimal(3), rs.getString(4)), p));
        // each statement whose latest send did not go: refused (FAILED), or claimed and cut off with the server's
        // answer unknown (SENDING), which is never sent again by itself and so needs someone to decide
        rows.addAll(jdbc.query("""
                SELECT d.rep_id, d.statement_version, d.recipient, d.outcome, d.detail FROM delivery_log d
                WHERE d.pay_period = ? AND d.outcome IN ('FAILED', 'SENDING')
                AND d.send_no = (SELECT MAX(l.send_no) FROM delivery_log l WHERE l.pay_period = d.pay_period
                    AND l.rep_id = d.rep_id AND l.statement_version = d.statement_version)
                AND NOT EXISTS (SELECT 1 FROM delivery_log s WHERE s.pay_period = d.pay_period AND s.rep_id = d.rep_id
                    AND s.statement_version = d.statement_version AND s.outcome = 'SENT')
                ORDER BY d.rep_id, d.statement_version
                """, (rs, i) -> new Row("Statements not delivered", rs.getString(1) + " v" + rs.getInt(2), null, null,
                null, rs.getString(3) + ": " + (rs.getString(4).equals("SENDING") ? UNCONFIRMED.formatted(rs.getString(1))
                        : rs.getString(5))), p));
        rows.addAll(jdbc.query("""
                SELECT kind, subject, amount, detail FROM review_exception WHERE pay_period = ? AND revision = ?
                ORDER BY line_no
                """, (rs, i) -> new Row("For review", rs.getString(1) + " " + rs.getString(2), null, null,
                rs.getBigDecimal(3), rs.getString(4)), p, revision));
        rows.addAll(jdbc.query("""
                SELECT approved_by, approved_at, exceptions, note FROM close_approval WHERE pay_period = ? AND revision = ?
                """, (rs, i) -> new Row("Approval", rs.getString(1), null, rs.getLong(3), null, "approved "
                + rs.getTimestamp(2).toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + (rs.getString(4) == null ? "" : ": "
                + rs.getString(4))), p, revision));
        return rows;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
