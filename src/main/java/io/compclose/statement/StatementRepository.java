package io.compclose.statement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.system.ColumnText;

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
            String band = rs.getString(16);
            String description = booking ? bookingNote(band, rs.getString(14)) : rs.getString(15) + ": "
                    + rs.getString(14) + (transaction || band.equals("-") ? "" : " [" + band + "]");
            return new StatementLine(kind, transaction ? rs.getString(2) : kindLabel(kind),
                    booking ? rs.getObject(3, LocalDate.class) : null, booking ? rs.getString(4) : null,
                    booking ? rs.getString(5) : null, booking ? rs.getString(6) : null,
                    booking ? rs.getBigDecimal(7) : null, booking ? rs.getString(8) : null,
                    booking ? rs.getBigDecimal(9) : null, rs.getBigDecimal(10), rs.getBigDecimal(11),
                    rs.getBigDecimal(12), rs.getBigDecimal(13), description);
        }, period, repId, payCurrency, period);
    }

    /** The band a booking was priced in (a single flat band says nothing), then any conversion. */
    private static String bookingNote(String band, String why) {
        boolean banded = band != null && !band.equals("-") && !band.startsWith("0+ ");
        String note = (banded ? "band " + band : "") + (why == null || why.isBlank() ? "" : (banded ? " · " : "") + why);
        return note.isEmpty() ? null : note;
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

    /** Each component of the rep against its quota, in the window that holds the period. */
    public List<StatementAttainment> attainments(String period, String repId) {
        record Row(String plan, StatementAttainment attainment) {
        }
        List<Row> rows = jdbc.query("""
                SELECT component_id, metric, money, window_key, credit, quota, attainment, earned, plan_id, plan_version
                FROM component_attainment WHERE pay_period = ? AND rep_id = ? ORDER BY line_no
                """, (rs, i) -> new Row(rs.getString(9) + " v" + rs.getInt(10), new StatementAttainment(
                rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8))), period, repId);
        // a rep whose plan changed in the year sees each version's components apart
        boolean severalPlans = rows.stream().map(Row::plan).distinct().count() > 1;
        return rows.stream().map(r -> !severalPlans ? r.attainment() : new StatementAttainment(
                r.attainment().component() + " (" + r.plan() + ")", r.attainment().metric(), r.attainment().money(),
                r.attainment().window(), r.attainment().credit(), r.attainment().quota(), r.attainment().attainment(),
                r.attainment().earned())).toList();
    }

    /** What each cap removed from the rep's earnings in the period. */
    public List<StatementCap> caps(String period, String repId) {
        return jdbc.query("""
                SELECT cap, limit_amount, removed FROM cap_effect WHERE pay_period = ? AND rep_id = ? ORDER BY line_no
                """, (rs, i) -> new StatementCap(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), period,
                repId);
    }

    /** The rep's ledger after the period, and commission paid before it (the previous period's ledger). */
    public YearToDate yearToDate(String period, String repId) {
        List<YearToDate> rows = jdbc.query("""
                SELECT l.earned_to_date, COALESCE((SELECT p.paid_to_date FROM rep_ledger p WHERE p.rep_id = l.rep_id
                       AND p.pay_period = (SELECT MAX(q.pay_period) FROM rep_ledger q WHERE q.rep_id = l.rep_id
                           AND q.pay_period < l.pay_period AND q.pay_period >= ?)), 0),
                       l.payout, l.carried_balance, l.held_back, l.draw_balance, l.clawback_balance
                FROM rep_ledger l WHERE l.pay_period = ? AND l.rep_id = ?
                """, (rs, i) -> new YearToDate(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)),
                period.substring(0, 4) + "-01", period, repId);
        return rows.isEmpty() ? YearToDate.NONE : rows.get(0);
    }

    /**
     * What the period's payroll files up to the revision pay the rep in the currency (a revision's
     * file carries differences): the figure the statement must equal.
     */
    public BigDecimal payrollFile(String period, int revision, String repId, String currency) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount), 0) FROM payout_export WHERE pay_period = ? AND revision <= ?
                AND rep_id = ? AND currency = ?
                """, BigDecimal.class, period, revision, repId, currency);
    }

    /** A statement version already rendered: its number, when, and the figures it showed. */
    public record Issued(int version, LocalDateTime renderedAt, List<StatementFigure> figures) {
    }

    /** The rep's latest statement of the period, if any. */
    public Optional<Issued> latest(String period, String repId) {
        List<Issued> issued = jdbc.query("""
                SELECT version, rendered_at FROM statement WHERE pay_period = ? AND rep_id = ?
                ORDER BY version DESC
                """, (rs, i) -> new Issued(rs.getInt(1), rs.getTimestamp(2).toLocalDateTime(), List.of()), period, repId);
        return issued.stream().findFirst().map(s -> new Issued(s.version(), s.renderedAt(), jdbc.query("""
                SELECT figure_key, label, amount FROM statement_figure WHERE pay_period = ? AND rep_id = ? AND version = ?
                ORDER BY figure_key
                """, (rs, i) -> new StatementFigure(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)), period,
                repId, s.version())));
    }

    /** A statement written to its file, with the file's checksum, to be recorded. */
    public record Written(RenderedStatement statement, String filePath, String sha256) {
    }

    /**
     * Records a chunk's statements and their figures in three round trips: a statement re-rendered
     * after a restart replaces its record and figures.
     */
    public void saveAll(String period, List<Written> written, LocalDateTime renderedAt) {
        Timestamp at = Timestamp.valueOf(renderedAt);
        jdbc.batchUpdate("""
                INSERT INTO statement (pay_period, rep_id, version, file_path, sha256, payout_amount, currency,
                    rendered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE file_path = VALUES(file_path), sha256 = VALUES(sha256),
                    payout_amount = VALUES(payout_amount), currency = VALUES(currency),
                    rendered_at = VALUES(rendered_at)
                """, written, written.size(), (ps, w) -> {
            RenderedStatement statement = w.statement();
            ps.setString(1, period);
            ps.setString(2, statement.repId());
            ps.setInt(3, statement.version());
            ps.setString(4, w.filePath());
            ps.setString(5, w.sha256());
            ps.setBigDecimal(6, statement.total());
            ps.setString(7, statement.currency());
            ps.setTimestamp(8, at);
        });
        jdbc.batchUpdate("DELETE FROM statement_figure WHERE pay_period = ? AND rep_id = ? AND version = ?",
                written, written.size(), (ps, w) -> {
                    ps.setString(1, period);
                    ps.setString(2, w.statement().repId());
                    ps.setInt(3, w.statement().version());
                });
        List<Object[]> figures = new java.util.ArrayList<>();
        for (Written w : written) {
            for (StatementFigure f : w.statement().figures()) {
                figures.add(new Object[] {period, w.statement().repId(), w.statement().version(), f.key(),
                        ColumnText.fit(f.label(), 300), f.amount()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO statement_figure (pay_period, rep_id, version, figure_key, label, amount)
                VALUES (?, ?, ?, ?, ?, ?)
                """, figures);
    }
}
