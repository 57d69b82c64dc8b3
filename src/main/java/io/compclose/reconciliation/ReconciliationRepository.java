package io.compclose.reconciliation;

import io.compclose.core.reconciliation.ControlSnapshot;
import io.compclose.core.reconciliation.ControlTotal;
import io.compclose.core.reconciliation.Tie;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import io.compclose.core.plan.PayPeriod;

/** Reads, from the tables each stage of the close wrote, the figures reconciliation ties. */
@Repository
public class ReconciliationRepository {

    /** How many bookings, credits or reps a break names before it only counts the rest. */
    private static final int NAMED = 10;

    private final JdbcTemplate jdbc;

    public ReconciliationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The period's figures at each hand-off, in the order they are recorded (see {@link ControlSnapshot#stages}). */
    Map<String, SortedMap<String, ControlTotal>> stages(PayPeriod payPeriod) {
        String period = payPeriod.id();
        Map<String, SortedMap<String, ControlTotal>> stages = new LinkedHashMap<>();
        stages.put("booked_acv", byCurrency("booked_acv", "booking", "acv", period));
        stages.put("credited_acv_booked_currency", primaryCredit(period));
        stages.put("uncredited_acv", byCurrency("uncredited_acv", "credit_exception", "amount", period));
        stages.put("credited_acv", byCurrency("credited_acv", "credit", "amount", period));
        stages.put("earning_lines", byCurrency("earning_lines", "earning_line", "amount", period));
        stages.put("ledger_earned_to_date", byCurrency("ledger_earned_to_date", "rep_ledger", "earned_to_date", period));
        stages.put("pay_lines", byCurrency("pay_lines", "pay_line", "amount", period));
        stages.put("ledger_payout", byCurrency("ledger_payout", "rep_ledger", "payout", period));
        stages.put("payout", byCurrency("payout", "payout", "amount", period));
        // usage is measured, not paid line by line: shown so finance sees what arrived and what no one owns
        stages.put("usage_revenue", byCurrency("usage_revenue", "billed_usage", "revenue", period));
        stages.put("usage_unowned", unownedUsage(payPeriod));
        stages.put("usage_summarised_delivered", summarisedUsage(period, "DELIVERED"));
        stages.put("usage_replaced", replacedUsage(period));
        stages.put("usage_summarised_replaced", summarisedUsage(period, "REPLACED"));
        // adjustments.csv's rows tie to the file; the adjustments inquiries were resolved with are merged beside them
        stages.put("adjustments", totals("adjustments", """
                SELECT currency, COUNT(*), SUM(amount) FROM adjustment WHERE pay_period = ? AND adjustment_id NOT LIKE 'INQ-%'
                GROUP BY currency
                """, period));
        stages.put("inquiry_adjustments", totals("inquiry_adjustments", """
                SELECT currency, COUNT(*), SUM(amount) FROM adjustment WHERE pay_period = ? AND adjustment_id LIKE 'INQ-%'
                GROUP BY currency
                """, period));
        return stages;
    }

    private SortedMap<String, ControlTotal> byCurrency(String stage, String table, String amountColumn, String period) {
        // table and column names come from this class's literals, never from input
        return totals(stage, "SELECT currency, COUNT(*), SUM(" + amountColumn + ") FROM " + table
                + " WHERE pay_period = ? GROUP BY currency", period);
    }

    /** Primary credit (owner or splits) in the booking currency: what must tie to the bookings. */
    private SortedMap<String, ControlTotal> primaryCredit(String period) {
        return totals("credited_acv_booked_currency", """
                SELECT original_currency, COUNT(*), SUM(original_amount) FROM credit
                WHERE pay_period = ? AND credit_kind = 'PRIMARY' GROUP BY original_currency
                """, period);
    }

    /** Pay lines of manual adjustments (not the corrections for locked periods, which are also ADJUSTMENT). */
    SortedMap<String, ControlTotal> adjustmentLines(String period) {
        return totals("adjustment_lines", """
                SELECT currency, COUNT(*), SUM(amount) FROM pay_line WHERE pay_period = ? AND earning_code = 'ADJUSTMENT'
                AND reference LIKE 'adjustment:%'
                GROUP BY currency
                """, period);
    }

    /** The period's usage for the month on accounts with no owner on the month's last day. */
    private SortedMap<String, ControlTotal> unownedUsage(PayPeriod period) {
        // the month's own usage cannot replace an earlier delivery, so its summary is what was delivered
        return totals("usage_unowned", """
                SELECT u.currency, SUM(u.usage_rows), SUM(u.revenue) FROM account_usage u
                WHERE u.pay_period = ? AND u.usage_month = ? AND u.entry = 'DELIVERED'
                AND NOT EXISTS (SELECT 1 FROM account_owner o WHERE o.pay_period = u.pay_period
                    AND o.account_id = u.account_id AND o.effective_from <= ?
                    AND (o.effective_to IS NULL OR o.effective_to >= ?))
                GROUP BY u.currency
                """, period.id(), period.month().toString(), period.month().atEndOfMonth(),
                period.month().atEndOfMonth());
    }

    /** The period's usage as summarised by account: the rows delivered, or (as positive amounts) those replaced. */
    private SortedMap<String, ControlTotal> summarisedUsage(String period, String entry) {
        return totals("usage_summarised_" + entry.toLowerCase(Locale.ROOT), """
                SELECT currency, SUM(usage_rows), SUM(CASE WHEN entry = 'REPLACED' THEN -revenue ELSE revenue END)
                FROM account_usage WHERE pay_period = ? AND entry = ? GROUP BY currency
                """, period, entry);
    }

    /** The earlier deliveries that the period's usage rows replace. */
    private SortedMap<String, ControlTotal> replacedUsage(String period) {
        return totals("usage_replaced", """
                SELECT e.currency, COUNT(*), SUM(e.revenue) FROM usage_redelivery r JOIN billed_usage e
                    ON e.pay_period = r.replaces_period AND e.usage_id = r.usage_id
                WHERE r.pay_period = ? GROUP BY e.currency
                """, period);
    }

    private SortedMap<String, ControlTotal> totals(String stage, String sql, Object... args) {
        SortedMap<String, ControlTotal> result = new TreeMap<>();
        jdbc.query(sql, rs -> {
            result.put(rs.getString(1), new ControlTotal(stage, rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
        }, args);
        return result;
    }

    /** The line of each row of the file intake did not accept, and how (REJECTED or DUPLICATE). */
    Map<Long, String> notAccepted(String period, String file) {
        Map<Long, String> lines = new HashMap<>();
        jdbc.query("SELECT line_no, kind FROM intake_reject WHERE pay_period = ? AND source_file = ?", rs -> {
            lines.put(rs.getLong(1), rs.getString(2));
        }, period, file);
        return lines;
    }

    /** Credited bookings (those with no credit exception) whose primary shares do not total 1, each with its total. */
    ControlSnapshot.Named unbalancedShares(String period) {
        return named("""
                SELECT b.booking_id, COALESCE(SUM(c.credit_share), 0) FROM booking b
                LEFT JOIN credit c ON c.pay_period = b.pay_period AND c.booking_id = b.booking_id
                    AND c.credit_kind = 'PRIMARY'
                WHERE b.pay_period = ? AND NOT EXISTS (SELECT 1 FROM credit_exception x
                    WHERE x.pay_period = b.pay_period AND x.booking_id = b.booking_id)
                GROUP BY b.booking_id HAVING COALESCE(SUM(c.credit_share), 0) <> 1 ORDER BY b.booking_id
                """, (rs, i) -> rs.getString(1) + " " + percent(rs.getBigDecimal(2)) + " %", period);
    }

    /** Credits the calculation did not turn into an earning line. */
    ControlSnapshot.Named uncalculated(String period) {
        // one probe per credit of the index on (rep, source, period, kind): named, because right after the
        // calculation MariaDB's statistics may not know earning_line has grown, and it then walks each
        // credit's rep through the primary key instead (45 s, not 2, at 474,000 credits); H2 reads the
        // hint as a comment
        return named("""
                SELECT c.booking_id, c.rep_id, c.amount, c.currency FROM credit c WHERE c.pay_period = ?
                AND NOT EXISTS (SELECT 1 FROM earning_line e /*! FORCE INDEX (ix_earning_line_source) */
                    WHERE e.pay_period = c.pay_period AND e.rep_id = c.rep_id
                    AND e.source_id = c.booking_id AND e.line_kind IN ('TRANSACTION', 'NOT_COUNTED'))
                ORDER BY c.booking_id, c.rep_id
                """, (rs, i) -> rs.getString(1) + " to " + rs.getString(2) + " (" + Tie.figure(rs.getBigDecimal(3))
                + " " + rs.getString(4) + ")", period);
    }

    /** Reps active in the month that have no ledger row, i.e. no calculation. */
    ControlSnapshot.Named unsettled(PayPeriod month) {
        return named("""
                SELECT a.rep_id FROM active_rep a WHERE a.pay_period = ?
                AND NOT EXISTS (SELECT 1 FROM rep_ledger l WHERE l.pay_period = ? AND l.rep_id = a.rep_id)
                ORDER BY a.rep_id
                """, (rs, i) -> rs.getString(1), month.toString(), month.toString());
    }

    private ControlSnapshot.Named named(String sql, RowMapper<String> describe, Object... args) {
        List<String> first = new ArrayList<>();
        long[] count = {0};
        jdbc.query(sql, rs -> {
            if (count[0]++ < NAMED) {
                first.add(describe.mapRow(rs, (int) count[0]));
            }
        }, args);
        return new ControlSnapshot.Named(count[0], first);
    }

    /** A share as a percentage: 1.5 is 150. */
    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
