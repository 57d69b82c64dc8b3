package io.compclose.reconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the close's figures from the tables each stage wrote, and stores the control totals. */
@Repository
public class ControlTotalRepository {

    /** How many bookings, credits or reps a break names before it only counts the rest. */
    private static final int NAMED = 10;

    private final JdbcTemplate jdbc;

    public ControlTotalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String period, List<ControlTotal> totals) {
        jdbc.batchUpdate("""
                INSERT INTO control_total (pay_period, stage, currency, row_count, amount) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE row_count = VALUES(row_count), amount = VALUES(amount)
                """, totals, totals.size(), (ps, t) -> {
            ps.setString(1, period);
            ps.setString(2, t.stage());
            ps.setString(3, t.currency());
            ps.setLong(4, t.rows());
            ps.setBigDecimal(5, t.amount());
        });
    }

    public List<ControlTotal> totals(String period) {
        return jdbc.query("""
                SELECT stage, currency, row_count, amount FROM control_total WHERE pay_period = ?
                ORDER BY stage, currency
                """, (rs, i) -> new ControlTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)),
                period);
    }

    /** The amount per currency of one stage as it was recorded, e.g. the payouts reconciliation tied. */
    public Map<String, BigDecimal> amounts(String period, String stage) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        jdbc.query("SELECT currency, amount FROM control_total WHERE pay_period = ? AND stage = ?", rs -> {
            amounts.put(rs.getString(1), rs.getBigDecimal(2));
        }, period, stage);
        return amounts;
    }

    /** Rows and amount per currency of one table's amount column for the period. */
    Map<String, ControlTotal> byCurrency(String stage, String table, String amountColumn, String period) {
        return byCurrency(stage, table, "currency", amountColumn, period);
    }

    Map<String, ControlTotal> byCurrency(String stage, String table, String currencyColumn, String amountColumn,
            String period) {
        // table and column names come from this package's constants, never from input
        return totals(stage, "SELECT " + currencyColumn + ", COUNT(*), SUM(" + amountColumn + ") FROM " + table
                + " WHERE pay_period = ? GROUP BY " + currencyColumn, period);
    }

    /** Primary credit (owner or splits) in the booking currency: what must tie to the bookings. */
    Map<String, ControlTotal> primaryCredit(String period) {
        return totals("credited_acv_booked_currency", """
                SELECT original_currency, COUNT(*), SUM(original_amount) FROM credit
                WHERE pay_period = ? AND credit_kind = 'PRIMARY' GROUP BY original_currency
                """, period);
    }

    /** Pay lines of manual adjustments (not the corrections for locked periods, which are also ADJUSTMENT). */
    Map<String, ControlTotal> adjustmentLines(String period) {
        return totals("adjustment_lines", """
                SELECT currency, COUNT(*), SUM(amount) FROM pay_line WHERE pay_period = ? AND earning_code = 'ADJUSTMENT'
                AND reference LIKE 'adjustment:%'
                GROUP BY currency
                """, period);
    }

    /** The period's usage for the month on accounts with no owner on the month's last day. */
    Map<String, ControlTotal> unownedUsage(java.time.YearMonth period) {
        // the month's own usage cannot replace an earlier delivery, so its summary is what was delivered
        return totals("usage_unowned", """
                SELECT u.currency, SUM(u.usage_rows), SUM(u.revenue) FROM account_usage u
                WHERE u.pay_period = ? AND u.usage_month = ? AND u.entry = 'DELIVERED'
                AND NOT EXISTS (SELECT 1 FROM account_owner o WHERE o.pay_period = u.pay_period
                    AND o.account_id = u.account_id AND o.effective_from <= ?
                    AND (o.effective_to IS NULL OR o.effective_to >= ?))
                GROUP BY u.currency
                """, period.toString(), period.toString(), period.atEndOfMonth(), period.atEndOfMonth());
    }

    /** The period's usage as summarised by account: the rows delivered, or (as positive amounts) those replaced. */
    Map<String, ControlTotal> summarisedUsage(String period, String entry) {
        return totals("usage_summarised_" + entry.toLowerCase(java.util.Locale.ROOT), """
                SELECT currency, SUM(usage_rows), SUM(CASE WHEN entry = 'REPLACED' THEN -revenue ELSE revenue END)
                FROM account_usage WHERE pay_period = ? AND entry = ? GROUP BY currency
                """, period, entry);
    }

    /** The earlier deliveries that the period's usage rows replace. */
    Map<String, ControlTotal> replacedUsage(String period) {
        return totals("usage_replaced", """
                SELECT e.currency, COUNT(*), SUM(e.revenue) FROM usage_redelivery r JOIN billed_usage e
                    ON e.pay_period = r.replaces_period AND e.usage_id = r.usage_id
                WHERE r.pay_period = ? GROUP BY e.currency
                """, period);
    }

    private Map<String, ControlTotal> totals(String stage, String sql, Object... args) {
        Map<String, ControlTotal> result = new TreeMap<>();
        jdbc.query(sql,
                rs -> {
                    result.put(rs.getString(1), new ControlTotal(stage, rs.getString(1), rs.getLong(2),
                            rs.getBigDecimal(3)));
                }, args);
        return result;
    }

    long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    long rejects(String period, String file, String kind) {
        return count("SELECT COUNT(*) FROM intake_reject WHERE pay_period = ? AND source_file = ? AND kind = ?",
                period, file, kind);
    }

    /** The line of each row of the file intake did not accept, and how (REJECTED or DUPLICATE). */
    Map<Long, String> notAccepted(String period, String file) {
        Map<Long, String> lines = new java.util.HashMap<>();
        jdbc.query("SELECT line_no, kind FROM intake_reject WHERE pay_period = ? AND source_file = ?",
                rs -> {
                    lines.put(rs.getLong(1), rs.getString(2));
                }, period, file);
        return lines;
    }

    /** What a break names: the first few rows a query finds, each described, and how many there are. */
    record Named(long count, List<String> first) {

        @Override
        public String toString() {
            return String.join(", ", first) + (count > first.size() ? " and " + (count - first.size()) + " more" : "");
        }
    }

    Named named(String sql, org.springframework.jdbc.core.RowMapper<String> describe, Object... args) {
        List<String> first = new java.util.ArrayList<>();
        long[] count = {0};
        jdbc.query(sql, rs -> {
            if (count[0]++ < NAMED) {
                first.add(describe.mapRow(rs, (int) count[0]));
            }
        }, args);
        return new Named(count[0], first);
    }

    static BigDecimal amountOrZero(ControlTotal total) {
        return total == null ? BigDecimal.ZERO : total.amount();
    }
}
