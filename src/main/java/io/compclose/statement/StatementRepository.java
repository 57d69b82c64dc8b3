package io.compclose.statement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a statement shows, read from the close's tables, and the record of each rendered PDF. */
@Repository
public class StatementRepository {

    private final JdbcTemplate jdbc;

    public StatementRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reps with an assignment overlapping the period: each gets a statement, even with nothing earned. */
    public static String activeRepsSql() {
        return """
                SELECT DISTINCT rep_id FROM rep_assignment
                WHERE pay_period = ? AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)
                ORDER BY rep_id
                """;
    }

    public static Object[] activeRepsArgs(YearMonth period) {
        return new Object[] {period.toString(), period.atEndOfMonth(), period.atDay(1)};
    }

    public List<StatementLine> lines(String period, String repId, String payCurrency) {
        return jdbc.query("""
                SELECT e.booking_id, b.booked_on, COALESCE(b.account_name, b.account_id), b.booking_type, b.product,
                       b.acv, b.currency, c.credit_share, e.credit_amount, e.rate, e.amount
                FROM earning e
                JOIN booking b ON b.pay_period = e.pay_period AND b.booking_id = e.booking_id
                JOIN credit c ON c.pay_period = e.pay_period AND c.booking_id = e.booking_id AND c.rep_id = e.rep_id
                WHERE e.pay_period = ? AND e.rep_id = ? AND e.currency = ?
                ORDER BY b.booked_on, e.booking_id, e.component_id
                """, (rs, i) -> new StatementLine(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8),
                rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11)), period, repId, payCurrency);
    }

    /** How each plan version used in the rep's earning lines computes them, one line per version. */
    public List<String> explanations(String period, String repId) {
        return jdbc.query("""
                SELECT DISTINCT plan_id, plan_version, explanation FROM earning WHERE pay_period = ? AND rep_id = ?
                ORDER BY plan_id, plan_version
                """, (rs, i) -> rs.getString(1) + " v" + rs.getInt(2) + ": " + rs.getString(3), period, repId);
    }

    /** What payroll pays the rep in the currency: the figure the statement must equal. */
    public BigDecimal payout(String period, String repId, String currency) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount), 0) FROM payout WHERE pay_period = ? AND rep_id = ? AND currency = ?
                """, BigDecimal.class, period, repId, currency);
    }

    public void save(String period, RenderedStatement statement, String filePath, String sha256,
            LocalDateTime renderedAt) {
        jdbc.update("""
                INSERT INTO statement (pay_period, rep_id, version, file_path, sha256, payout_amount, currency,
                    rendered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE file_path = VALUES(file_path), sha256 = VALUES(sha256),
                    payout_amount = VALUES(payout_amount), currency = VALUES(currency),
                    rendered_at = VALUES(rendered_at)
                """, period, statement.repId(), statement.version(), filePath, sha256, statement.total(),
                statement.currency(), Timestamp.valueOf(renderedAt));
    }
}
