package io.compclose.reconciliation;

import io.compclose.core.inquiry.InquiryState;
import io.compclose.core.reconciliation.ControlChain;
import io.compclose.core.reconciliation.ControlTies;
import io.compclose.core.reconciliation.ControlTotal;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import io.compclose.core.plan.PayPeriod;

/**
 * The close summary finance keeps, read from the close's tables as rows of {@link SummarySection}s: the
 * close at a glance, the payroll register, what a revision changed, pay by earning code, earnings by plan
 * and component, adjustments gross and net, the control ties and totals, rejected rows by reason,
 * bookings not credited, corrections paid for locked periods, statements not delivered, what was
 * flagged for review and who approved it. A section with nothing in it says "none".
 */
@Repository
public class CloseSummaryRepository {

    /** One line of a section: its figures in the section's order (each a Long, a BigDecimal or null). */
    public record Row(SummarySection section, String item, String label, String currency, List<Object> figures,
            String detail) {

        static Row of(SummarySection section, String item, String label, String currency, String detail,
                Object... figures) {
            return new Row(section, item, label, currency, Arrays.asList(figures), detail);
        }
    }

    /** What a send whose fate is unknown means, and what to do about it. */
    private static final String UNCONFIRMED = "unconfirmed: interrupted while sending, it may or may not have "
            + "arrived; not sent again by itself (ask the rep, then resend --rep=%s if it did not)";

    private final JdbcTemplate jdbc;
    private final ControlTotalRepository controlTotals;

    public CloseSummaryRepository(JdbcTemplate jdbc, ControlTotalRepository controlTotals) {
        this.jdbc = jdbc;
        this.controlTotals = controlTotals;
    }

    public List<Row> rows(PayPeriod period, int revision) {
        String p = period.toString();
        String prior = jdbc.query("SELECT MAX(pay_period) FROM close_period WHERE pay_period < ?",
                rs -> rs.next() ? rs.getString(1) : null, p);
        List<ControlTotal> totals = controlTotals.totals(p);
        List<ControlTies.Result> ties = ControlTies.of(totals);
        Map<SummarySection, List<Row>> sections = new EnumMap<>(SummarySection.class);
        sections.put(SummarySection.AT_A_GLANCE, new AtAGlanceRepository(jdbc).rows(p, revision, prior, totals, ties));
        sections.put(SummarySection.REGISTER, register(p, prior));
        if (revision > 1) {
            sections.put(SummarySection.CHANGES, changes(p, revision));
        }
        sections.put(SummarySection.PAYOUT_BY_CODE, jdbc.query("""
                SELECT earning_code, currency, COUNT(DISTINCT rep_id), SUM(amount) FROM payout WHERE pay_period = ?
                GROUP BY earning_code, currency ORDER BY earning_code, currency
                """, (rs, i) -> Row.of(SummarySection.PAYOUT_BY_CODE, rs.getString(1), null, rs.getString(2), null,
                rs.getLong(3), rs.getBigDecimal(4)), p));
        sections.put(SummarySection.EARNED, jdbc.query("""
                SELECT plan_id, plan_version, component_id, currency, COUNT(*), SUM(amount) FROM earning_line
                WHERE pay_period = ? AND source_period = ?
                GROUP BY plan_id, plan_version, component_id, currency ORDER BY plan_id, plan_version, component_id
                """, (rs, i) -> Row.of(SummarySection.EARNED, rs.getString(1) + " v" + rs.getInt(2) + " "
                + rs.getString(3), null, rs.getString(4), null, rs.getLong(5), rs.getBigDecimal(6)), p, p));
        sections.put(SummarySection.ADJUSTMENTS, adjustments(p));
        sections.put(SummarySection.TIES, ties.stream().map(t -> Row.of(SummarySection.TIES, t.key(), t.label(),
                t.currency(), null, t.counts() ? t.left().longValueExact() : t.left(),
                t.counts() ? t.right().longValueExact() : t.right(),
                t.counts() ? t.difference().longValueExact() : t.difference())).toList());
        sections.put(SummarySection.CONTROL_TOTALS, totals.stream()
                .filter(t -> !(t.rows() == 0 && t.amount().signum() == 0))
                .sorted(Comparator.comparing((ControlTotal t) -> ControlChain.sortKey(t.stage()))
                        .thenComparing(ControlTotal::currency))
                .map(t -> Row.of(SummarySection.CONTROL_TOTALS, t.stage(), ControlChain.label(t.stage()),
                        t.currency(), null, t.rows(), t.currency().isEmpty() ? null : t.amount()))
                .toList());
        sections.put(SummarySection.REJECTS, jdbc.query("""
                SELECT source_file, column_name, reason, COUNT(*) FROM intake_reject WHERE pay_period = ? AND kind = 'REJECTED'
                GROUP BY source_file, column_name, reason ORDER BY source_file, column_name, reason
                """, (rs, i) -> Row.of(SummarySection.REJECTS, rs.getString(1) + (rs.getString(2).isEmpty() ? ""
                : " " + rs.getString(2)), null, "", rs.getString(3), rs.getLong(4)), p));
        sections.put(SummarySection.NOT_CREDITED, jdbc.query("""
                SELECT booking_id, currency, amount, reason FROM credit_exception WHERE pay_period = ? ORDER BY booking_id
                """, (rs, i) -> Row.of(SummarySection.NOT_CREDITED, rs.getString(1), null, rs.getString(2),
                rs.getString(4), rs.getBigDecimal(3)), p));
        sections.put(SummarySection.CORRECTIONS, jdbc.query("""
                SELECT rep_id, currency, amount, why FROM pay_line
                WHERE pay_period = ? AND earning_code = 'ADJUSTMENT' AND reference LIKE 'corrects:%' ORDER BY rep_id
                """, (rs, i) -> Row.of(SummarySection.CORRECTIONS, rs.getString(1), null, rs.getString(2),
                rs.getString(4), rs.getBigDecimal(3)), p));
        sections.put(SummarySection.INQUIRIES, inquiries(p));
        sections.put(SummarySection.UNDELIVERED, undelivered(p));
        sections.put(SummarySection.FOR_REVIEW, jdbc.query("""
                SELECT kind, subject, amount, detail FROM review_exception WHERE pay_period = ? AND revision = ?
                ORDER BY line_no
                """, (rs, i) -> Row.of(SummarySection.FOR_REVIEW, rs.getString(1) + " " + rs.getString(2), null, "",
                rs.getString(4), rs.getBigDecimal(3)), p, revision));
        sections.put(SummarySection.APPROVAL, jdbc.query("""
                SELECT approved_by, approved_at, exceptions, note FROM close_approval WHERE pay_period = ? AND revision = ?
                """, (rs, i) -> Row.of(SummarySection.APPROVAL, rs.getString(1), null, "", "approved "
                + rs.getTimestamp(2).toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + (rs.getString(4) == null ? "" : ": " + rs.getString(4)), rs.getLong(3)), p, revision));
        List<Row> rows = new ArrayList<>();
        sections.forEach((section, lines) -> rows.addAll(lines.isEmpty()
                ? List.of(Row.of(section, "none", null, "", null)) : lines));
        return rows;
    }

    /**
     * Each rep with a ledger this period: plan, earned this period, paid, held back, what is still to
     * recover (negative balance carried, draw and clawback not yet recovered) and the change against the
     * prior closed period's payout.
     */
    private List<Row> register(String period, String prior) {
        return jdbc.query("""
                SELECT l.rep_id, l.plan_id, l.plan_version, l.currency,
                       (SELECT SUM(e.amount) FROM earning_line e
                        WHERE e.pay_period = l.pay_period AND e.source_period = l.pay_period AND e.rep_id = l.rep_id),
                       l.payout, l.held_back, l.draw_balance + l.clawback_balance - l.carried_balance,
                       (SELECT SUM(p.amount) FROM payout p WHERE p.pay_period = ? AND p.rep_id = l.rep_id)
                FROM rep_ledger l WHERE l.pay_period = ? ORDER BY l.rep_id
                """, (rs, i) -> {
            BigDecimal paid = rs.getBigDecimal(6);
            BigDecimal priorPaid = prior == null ? null : orZero(rs.getBigDecimal(9));
            return Row.of(SummarySection.REGISTER, rs.getString(1), rs.getString(1) + ", " + rs.getString(2) + " v"
                    + rs.getInt(3), rs.getString(4), null, orZero(rs.getBigDecimal(5)), paid, rs.getBigDecimal(7),
                    rs.getBigDecimal(8), priorPaid, priorPaid == null ? null : paid.subtract(priorPaid));
        }, prior, period);
    }

    /** Per rep, the payout before this revision (revision 1 and the corrections since) and after it. */
    private List<Row> changes(String period, int revision) {
        Map<String, BigDecimal[]> byRep = new TreeMap<>();
        Map<String, String> currencies = new TreeMap<>();
        jdbc.query("""
                SELECT rep_id, currency, SUM(CASE WHEN revision < ? THEN amount ELSE 0 END),
                       SUM(CASE WHEN revision = ? THEN amount ELSE 0 END)
                FROM payout_export WHERE pay_period = ? AND revision <= ? GROUP BY rep_id, currency
                """, rs -> {
            byRep.put(rs.getString(1) + "|" + rs.getString(2), new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)});
            currencies.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(2));
        }, revision, revision, period, revision);
        List<Row> rows = new ArrayList<>();
        byRep.forEach((key, f) -> {
            if (f[1].signum() != 0) {
                rows.add(Row.of(SummarySection.CHANGES, key.substring(0, key.indexOf('|')), null, currencies.get(key),
                        null, f[0], f[0].add(f[1]), f[1]));
            }
        });
        return rows;
    }

    /**
     * The inquiries reps raised on the period's statements, open or resolved, and those whose adjustment the
     * period paid, each with where it stands.
     */
    private List<Row> inquiries(String period) {
        return jdbc.query("""
                SELECT i.id, i.rep_id, i.pay_period, i.line_no, i.state, a.adjustment_id, a.currency, a.amount,
                    p.pay_period
                FROM inquiry i LEFT JOIN inquiry_adjustment a ON a.inquiry_id = i.id
                LEFT JOIN adjustment p ON p.adjustment_id = a.adjustment_id
                WHERE i.pay_period = ? OR p.pay_period = ? ORDER BY i.id
                """, (rs, i) -> Row.of(SummarySection.INQUIRIES, "#" + rs.getLong(1) + " " + rs.getString(2), null,
                rs.getString(7) == null ? "" : rs.getString(7), rs.getString(3) + " " + (rs.getObject(4) == null
                        ? "whole statement" : "line " + rs.getInt(4)) + ": "
                        + InquiryState.valueOf(rs.getString(5)).describe() + (rs.getString(6) == null ? ""
                        : ", " + rs.getString(6) + (rs.getString(9) == null ? " not paid yet" : " paid in "
                        + rs.getString(9))), rs.getBigDecimal(8)), period, period);
    }

    /** Adjustment pay lines added and deducted separately, then net, per currency. */
    private List<Row> adjustments(String period) {
        List<Row> rows = new ArrayList<>();
        jdbc.query("""
                SELECT currency, SUM(CASE WHEN amount > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END),
                       SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END), SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END),
                       COUNT(*), SUM(amount)
                FROM pay_line WHERE pay_period = ? AND earning_code = 'ADJUSTMENT' GROUP BY currency ORDER BY currency
                """, rs -> {
            String currency = rs.getString(1);
            rows.add(Row.of(SummarySection.ADJUSTMENTS, "added", "Added (positive)", currency, null, rs.getLong(2),
                    rs.getBigDecimal(3)));
            rows.add(Row.of(SummarySection.ADJUSTMENTS, "deducted", "Deducted (negative)", currency, null,
                    rs.getLong(4), rs.getBigDecimal(5)));
            rows.add(Row.of(SummarySection.ADJUSTMENTS, "net", "Net", currency, null, rs.getLong(6),
                    rs.getBigDecimal(7)));
        }, period);
        return rows;
    }

    // each statement whose latest send did not go: refused (FAILED), or claimed and cut off with the server's
    // answer unknown (SENDING), which is never sent again by itself and so needs someone to decide
    private List<Row> undelivered(String period) {
        return jdbc.query("""
                SELECT d.rep_id, d.statement_version, d.recipient, d.outcome, d.detail FROM delivery_log d
                WHERE d.pay_period = ? AND d.outcome IN ('FAILED', 'SENDING') AND d.subject = 'statement'
                AND d.send_no = (SELECT MAX(l.send_no) FROM delivery_log l WHERE l.pay_period = d.pay_period
                    AND l.rep_id = d.rep_id AND l.statement_version = d.statement_version AND l.subject = d.subject)
                AND NOT EXISTS (SELECT 1 FROM delivery_log s WHERE s.pay_period = d.pay_period AND s.rep_id = d.rep_id
                    AND s.statement_version = d.statement_version AND s.subject = d.subject AND s.outcome = 'SENT')
                ORDER BY d.rep_id, d.statement_version
                """, (rs, i) -> Row.of(SummarySection.UNDELIVERED, rs.getString(1) + " v" + rs.getInt(2), null, "",
                rs.getString(3) + ": " + (rs.getString(4).equals("SENDING") ? UNCONFIRMED.formatted(rs.getString(1))
                        : rs.getString(5))), period);
    }

    static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
