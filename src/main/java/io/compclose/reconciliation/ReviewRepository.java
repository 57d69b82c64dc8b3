package io.compclose.reconciliation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.core.plan.PayPeriod;
import io.compclose.system.ColumnText;
import io.compclose.system.PayCalendar;

/** The figures the review gate checks, what it found, and the approvals. */
@Repository
public class ReviewRepository {

    /** An approval of a close stopped for review. */
    public record Approval(String approvedBy, LocalDateTime approvedAt, String note, int exceptions) {
    }

    /** A rep's payout, balance carried and the payout of the period before, by rep. */
    public record RepFigures(String currency, BigDecimal payout, BigDecimal carriedBalance, BigDecimal priorPayout) {
    }

    private final JdbcTemplate jdbc;
    private final PayCalendar calendar;

    public ReviewRepository(JdbcTemplate jdbc, PayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public Map<String, RepFigures> repFigures(PayPeriod period) {
        Map<String, RepFigures> figures = new HashMap<>();
        jdbc.query("""
                SELECT l.rep_id, l.currency, l.payout, l.carried_balance,
                       (SELECT SUM(p.amount) FROM payout p WHERE p.pay_period = ? AND p.rep_id = l.rep_id)
                FROM rep_ledger l WHERE l.pay_period = ?
                """, rs -> {
            figures.put(rs.getString(1), new RepFigures(rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                    rs.getBigDecimal(5)));
        }, calendar.schedule().previous(period).id(), period.toString());
        return figures;
    }

    public List<String> uncreditedBookings(PayPeriod period) {
        return jdbc.query("SELECT booking_id, reason FROM credit_exception WHERE pay_period = ? ORDER BY booking_id",
                (rs, i) -> rs.getString(1) + ": " + rs.getString(2), period.toString());
    }

    public long rejectedRows(PayPeriod period) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM intake_reject WHERE pay_period = ? AND kind = 'REJECTED'",
                Long.class, period.toString());
        return n == null ? 0 : n;
    }

    /**
     * Rep ids named by the period's rejected bookings (owner or sourcer) with the booking lines, by rep; the
     * gate keeps those with no accepted roster row.
     */
    public Map<String, List<Long>> repsOfRejectedBookings(PayPeriod period) {
        Map<String, List<Long>> reps = new TreeMap<>();
        jdbc.query("""
                SELECT raw_value, line_no FROM intake_reject
                WHERE pay_period = ? AND kind = 'REJECTED' AND column_name IN ('owner_rep_id', 'sourced_by_rep_id')
                ORDER BY raw_value, line_no
                """, rs -> {
            String rep = rs.getString(1).trim();
            if (!rep.isEmpty()) {
                reps.computeIfAbsent(rep, r -> new ArrayList<>()).add(rs.getLong(2));
            }
        }, period.toString());
        return reps;
    }

    /** The payout total per currency of the period and of the period before. */
    public List<ReviewRules.PayoutTotal> payoutTotals(PayPeriod period) {
        Map<String, BigDecimal> now = totals(period);
        Map<String, BigDecimal> before = totals(calendar.schedule().previous(period));
        return now.entrySet().stream().map(e -> new ReviewRules.PayoutTotal(e.getKey(), e.getValue(),
                before.get(e.getKey()))).toList();
    }

    private Map<String, BigDecimal> totals(PayPeriod period) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("SELECT currency, SUM(amount) FROM payout WHERE pay_period = ? GROUP BY currency",
                rs -> {
                    totals.put(rs.getString(1), rs.getBigDecimal(2));
                }, period.toString());
        return totals;
    }

    /** Each input file's rows read and rejected, as reconciliation counted them. */
    public List<ReviewRules.FileRows> fileRows(PayPeriod period) {
        Map<String, long[]> rows = new TreeMap<>();
        jdbc.query("""
                SELECT stage, row_count FROM control_total
                WHERE pay_period = ? AND currency = '' AND (stage LIKE '%:read' OR stage LIKE '%:rejected')
                """, rs -> {
            String stage = rs.getString(1);
            int colon = stage.lastIndexOf(':');
            long[] counts = rows.computeIfAbsent(stage.substring(0, colon), f -> new long[2]);
            counts[stage.endsWith(":read") ? 0 : 1] = rs.getLong(2);
        }, period.toString());
        return rows.entrySet().stream().map(e -> new ReviewRules.FileRows(e.getKey(), e.getValue()[0],
                e.getValue()[1])).toList();
    }

    /** The period's bookings whose ACV is above the limit, largest first. */
    public List<ReviewRules.Booking> bookingsAbove(PayPeriod period, BigDecimal limit) {
        return jdbc.query("""
                SELECT booking_id, owner_rep_id, currency, acv FROM booking WHERE pay_period = ? AND acv > ?
                ORDER BY acv DESC, booking_id
                """, (rs, i) -> new ReviewRules.Booking(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBigDecimal(4)), period.toString(), limit);
    }

    public void saveExceptions(PayPeriod period, int revision, List<ReviewRules.ReviewException> found) {
        jdbc.update("DELETE FROM review_exception WHERE pay_period = ? AND revision = ?", period.toString(), revision);
        int[] line = {0};
        jdbc.batchUpdate("""
                INSERT INTO review_exception (pay_period, revision, line_no, kind, subject, detail, amount)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, found, Math.max(found.size(), 1), (ps, e) -> {
            ps.setString(1, period.toString());
            ps.setInt(2, revision);
            ps.setInt(3, ++line[0]);
            ps.setString(4, e.kind());
            ps.setString(5, ColumnText.fit(e.subject(), 64));
            ps.setString(6, ColumnText.fit(e.detail(), 500));
            ps.setBigDecimal(7, e.amount());
        });
    }

    public List<ReviewRules.ReviewException> exceptions(PayPeriod period, int revision) {
        return jdbc.query("""
                SELECT kind, subject, detail, amount FROM review_exception WHERE pay_period = ? AND revision = ?
                ORDER BY line_no
                """, (rs, i) -> new ReviewRules.ReviewException(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBigDecimal(4)), period.toString(), revision);
    }

    public Optional<Approval> approval(PayPeriod period, int revision) {
        return jdbc.query("""
                SELECT approved_by, approved_at, note, exceptions FROM close_approval WHERE pay_period = ? AND revision = ?
                """, (rs, i) -> new Approval(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
                rs.getInt(4)), period.toString(), revision).stream().findFirst();
    }

    public void approve(PayPeriod period, int revision, String by, String note, int exceptions, LocalDateTime at) {
        jdbc.update("""
                INSERT INTO close_approval (pay_period, revision, approved_by, approved_at, note, exceptions)
                VALUES (?, ?, ?, ?, ?, ?)
                """, period.toString(), revision, ColumnText.fit(by, 128), Timestamp.valueOf(at),
                note == null ? null : ColumnText.fit(note, 1000), exceptions);
    }
}
