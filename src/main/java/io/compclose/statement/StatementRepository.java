package io.compclose.statement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /** The rep's earning lines dated in the period, with the booking behind each booking line. */
    public List<StatementLine> lines(String period, String repId, String payCurrency) {
        return jdbc.query("""
                SELECT e.line_kind, e.source_id, b.booked_on, COALESCE(b.account_name, b.account_id), b.booking_type,
                       b.product, b.acv, b.currency, c.credit_share, e.multiplier, e.credit, e.rate, e.amount, e.why,
                       e.component_id, e.band
                FROM earning_line e
                LEFT JOIN booking b ON b.pay_period = e.source_period AND b.booking_id = e.source_id
                LEFT JOIN credit c ON c.pay_period = e.source_period AND c.booking_id = e.source_id
                    AND c.rep_id = e.rep_id
                WHERE e.pay_period = ? AND e.rep_id = ? AND e.currency = ? AND e.source_period = ?
                ORDER BY e.line_no
                """, (rs, i) -> {
            String kind = rs.getString(1);
            // usage and activity lines are transactions too, but no booking stands behind them
            boolean transaction = kind.equals("TRANSACTION") || kind.equals("NOT_COUNTED");
            boolean booking = transaction && rs.getObject(3) != null;
            String description = booking ? rs.getString(14) : rs.getString(15) + ": " + rs.getString(14)
                    + (transaction || rs.getString(16).equals("-") ? "" : " [" + rs.getString(16) + "]");
            return new StatementLine(kind, transaction ? rs.getString(2) : kindLabel(kind),
                    booking ? rs.getObject(3, LocalDate.class) : null, booking ? rs.getString(4) : null,
                    booking ? rs.getString(5) : null, booking ? rs.getString(6) : null,
                    booking ? rs.getBigDecimal(7) : null, booking ? rs.getString(8) : null,
                    booking ? rs.getBigDecimal(9) : null, rs.getBigDecimal(10), rs.getBigDecimal(11),
                    rs.getBigDecimal(12), rs.getBigDecimal(13), description);
        }, period, repId, payCurrency, period);
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "REPRICING" -> "Re-pricing";
            case "ATTAINMENT" -> "Attainment";
            default -> kind;
        };
    }

    /** Earned in earlier periods of the plan year, as recomputed in this period's calculation. */
    public BigDecimal earnedBefore(String period, String repId) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount), 0) FROM earning_line WHERE pay_period = ? AND rep_id = ?
                AND source_period < ?
                """, BigDecimal.class, period, repId, period);
    }

    /** Earned to date as the rep's ledger settled it. */
    public BigDecimal earnedToDate(String period, String repId) {
        List<BigDecimal> earned = jdbc.queryForList("""
                SELECT earned_to_date FROM rep_ledger WHERE pay_period = ? AND rep_id = ?
                """, BigDecimal.class, period, repId);
        return earned.isEmpty() ? BigDecimal.ZERO : earned.get(0);
    }

    /** What the rep is paid, line by line, in the order the settlement produced them. */
    public List<StatementPayLine> payLines(String period, String repId, String payCurrency) {
        return jdbc.query("""
                SELECT earning_code, why, amount FROM pay_line WHERE pay_period = ? AND rep_id = ? AND currency = ?
                ORDER BY line_no
                """, (rs, i) -> new StatementPayLine(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)), period,
                repId, payCurrency);
    }

    /** The plan versions and components behind the rep's earning lines of the period. */
    public List<String> plansUsed(String period, String repId) {
        return jdbc.query("""
                SELECT DISTINCT plan_id, plan_version FROM earning_line WHERE pay_period = ? AND rep_id = ?
                ORDER BY plan_id, plan_version
                """, (rs, i) -> rs.getString(1) + " v" + rs.getInt(2), period, repId);
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
