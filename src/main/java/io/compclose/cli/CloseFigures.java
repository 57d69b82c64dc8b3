package io.compclose.cli;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read-only figures of a period for the summary and the status command. */
@Repository
public class CloseFigures {

    private final JdbcTemplate jdbc;

    public CloseFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record CurrencyTotals(String currency, long bookings, BigDecimal acv, long payees, BigDecimal payout) {
    }

    public List<CurrencyTotals> totals(String period) {
        // every currency booked or paid: a month can pay a currency it booked nothing in (a clawback, a pool)
        return jdbc.query("""
                SELECT c.currency, COALESCE(b.n, 0), COALESCE(b.acv, 0), COALESCE(p.payees, 0), COALESCE(p.amount, 0)
                FROM (SELECT currency FROM booking WHERE pay_period = ?
                      UNION SELECT currency FROM payout WHERE pay_period = ?) c
                LEFT JOIN (SELECT currency, COUNT(*) n, SUM(acv) acv FROM booking WHERE pay_period = ?
                           GROUP BY currency) b ON b.currency = c.currency
                LEFT JOIN (SELECT currency, COUNT(DISTINCT rep_id) payees, SUM(amount) amount FROM payout
                           WHERE pay_period = ? AND amount <> 0 GROUP BY currency) p ON p.currency = c.currency
                ORDER BY c.currency
                """, (rs, i) -> new CurrencyTotals(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4),
                rs.getBigDecimal(5)), period, period, period, period);
    }

    /** Rejected rows per file (identical re-deliveries not counted). */
    public Map<String, Long> rejectsByFile(String period) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.query("""
                SELECT source_file, COUNT(*) FROM intake_reject WHERE pay_period = ? AND kind = 'REJECTED'
                GROUP BY source_file ORDER BY source_file
                """, rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        }, period);
        return result;
    }

    /** Bookings no crediting rule credited, each with the reason: not paid, for finance to review. */
    public List<String> creditExceptions(String period) {
        return jdbc.query("""
                SELECT booking_id, reason FROM credit_exception WHERE pay_period = ? ORDER BY booking_id
                """, (rs, i) -> rs.getString(1) + ": " + rs.getString(2), period);
    }

    public long duplicates(String period) {
        return count("SELECT COUNT(*) FROM intake_reject WHERE pay_period = ? AND kind = 'DUPLICATE'", period);
    }

    /** Statements issued by one revision of the period's close. */
    public long statements(String period, int revision) {
        return count("SELECT COUNT(*) FROM statement WHERE pay_period = ? AND version = ?", period, revision);
    }

    public Map<String, Long> deliveries(String period) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.query("""
                SELECT channel, outcome, COUNT(*) FROM delivery_log WHERE pay_period = ?
                GROUP BY channel, outcome ORDER BY channel, outcome
                """, rs -> {
            result.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
        }, period);
        return result;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
