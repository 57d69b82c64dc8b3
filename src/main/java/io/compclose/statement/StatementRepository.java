package io.compclose.statement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.core.calculation.ComponentLine;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PayPeriod;
import io.compclose.system.Amounts;
import io.compclose.system.BulkLoad;
import io.compclose.system.ColumnText;
import io.compclose.system.PayCalendar;

/** What a statement shows, read from the close's tables, and the record of each rendered PDF. */
@Repository
public class StatementRepository {

    private static final String FIGURE_COLUMNS = "pay_period, rep_id, version, figure_key, label, amount";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BulkLoad bulkLoad;
    private final PayCalendar calendar;

    public StatementRepository(JdbcTemplate jdbc, BulkLoad bulkLoad, PayCalendar calendar) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.bulkLoad = bulkLoad;
        this.calendar = calendar;
    }

    /**
     * What the statements of a block of reps show, in nine queries whatever the block's size: each rep's
     * earning lines and pay lines in its pay currency, earned before and to date, the plans behind the
     * lines, the year to date, attainments, caps, and what the payroll files up to the revision pay it
     * (a revision's file carries differences): the figure the statement must equal.
     *
     * @param payCurrencies each rep of the block and the currency it is paid in
     * @param source        where the pay the statement must equal is read: the payroll files, or for a draft the
     *                      payouts before export
     * @return each rep's facts, in a map of the caller's own
     */
    public Map<String, StatementFacts> facts(String period, int revision, Map<String, String> payCurrencies,
            PayoutSource source) {
        List<String> months = monthsOfYear(period);
        MapSqlParameterSource args = new MapSqlParameterSource("period", period)
                .addValue("reps", List.copyOf(payCurrencies.keySet())).addValue("revision", revision)
                .addValue("yearStart", months.get(0)).addValue("months", months);
        Map<String, List<StatementLine>> lines = byRep(named.query("""
                SELECT e.rep_id, e.currency, e.line_kind, e.source_id, b.booked_on, COALESCE(b.account_name, b.account_id),
                       b.booking_type, b.product, b.acv, b.currency, c.credit_share, e.multiplier, e.credit, e.rate,
                       e.amount, e.why, e.component_id, e.band, e.plan_id, e.plan_version
                FROM earning_line e
                LEFT JOIN booking b ON b.pay_period = e.source_period AND b.booking_id = e.source_id
                LEFT JOIN credit c ON c.pay_period = e.source_period AND c.booking_id = e.source_id
                    AND c.rep_id = e.rep_id
                WHERE e.pay_period = :period AND e.rep_id IN (:reps) AND e.source_period = :period
                ORDER BY e.rep_id, e.line_no
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), rs.getString(2), line(rs))), payCurrencies);
        Map<String, List<StatementPayLine>> payLines = byRep(named.query("""
                SELECT rep_id, currency, earning_code, why, amount FROM pay_line
                WHERE pay_period = :period AND rep_id IN (:reps) ORDER BY rep_id, line_no
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), rs.getString(2),
                new StatementPayLine(rs.getString(3), rs.getString(4), rs.getBigDecimal(5)))), payCurrencies);
        Map<String, BigDecimal> payrollFiles = new HashMap<>();
        Map<String, BigDecimal> alreadyPaid = new HashMap<>();
        // what the payroll files of earlier revisions paid is known whatever the source of the payout now
        named.query("SELECT rep_id, currency, SUM(paid), SUM(paid_before) FROM ("
                + "SELECT rep_id, currency, amount paid, 0 paid_before FROM (" + source.rows() + ") p UNION ALL " + """
                SELECT rep_id, currency, 0, amount FROM payout_export WHERE pay_period = :period AND revision < :revision
                ) t WHERE rep_id IN (:reps) GROUP BY rep_id, currency
                """, args, rs -> {
            if (rs.getString(2).equals(payCurrencies.get(rs.getString(1)))) {
                payrollFiles.put(rs.getString(1), rs.getBigDecimal(3));
                alreadyPaid.put(rs.getString(1), rs.getBigDecimal(4));
            }
        });
        Map<String, BigDecimal> earnedBefore = new HashMap<>();
        named.query("""
                SELECT rep_id, SUM(amount) FROM earning_line
                WHERE pay_period = :period AND rep_id IN (:reps) AND source_period < :period GROUP BY rep_id
                """, args, rs -> {
            earnedBefore.put(rs.getString(1), rs.getBigDecimal(2));
        });
        Map<String, List<String>> plansUsed = byRep(named.query("""
                SELECT DISTINCT rep_id, plan_id, plan_version FROM earning_line
                WHERE pay_period = :period AND rep_id IN (:reps) ORDER BY rep_id, plan_id, plan_version
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), null, rs.getString(2) + " v" + rs.getInt(3))),
                payCurrencies);
        Map<String, YearToDate> yearToDate = new HashMap<>();
        named.query("""
                SELECT l.rep_id, l.earned_to_date,
                       COALESCE((SELECT p.paid_to_date FROM rep_ledger p WHERE p.rep_id = l.rep_id
                       AND p.pay_period = (SELECT MAX(q.pay_period) FROM rep_ledger q WHERE q.rep_id = l.rep_id
                           AND q.pay_period < l.pay_period AND q.pay_period >= :yearStart)), 0),
                       l.payout, l.carried_balance, l.held_back, l.draw_balance, l.clawback_balance
                FROM rep_ledger l WHERE l.pay_period = :period AND l.rep_id IN (:reps)
                """, args, rs -> {
            yearToDate.put(rs.getString(1), new YearToDate(rs.getBigDecimal(2), rs.getBigDecimal(3),
                    rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                    rs.getBigDecimal(8)));
        });
        Map<String, List<StatementAttainment>> attainments = attainments(args, payCurrencies);
        Map<String, List<StatementCap>> caps = byRep(named.query("""
                SELECT rep_id, cap, limit_amount, removed FROM cap_effect
                WHERE pay_period = :period AND rep_id IN (:reps) ORDER BY rep_id, line_no
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), null,
                new StatementCap(rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))), payCurrencies);
        Map<String, List<StatementNotPaid>> notPaid = notPaid(args, payCurrencies);
        Map<String, List<StatementMonth>> history = history(args, payCurrencies);
        Map<String, List<String>> corrections = corrections(args, payCurrencies);
        Map<String, List<StatementRejectedRow>> rejected = rejected(args, payCurrencies);
        Map<String, StatementFacts> facts = new LinkedHashMap<>();
        for (String rep : payCurrencies.keySet()) {
            facts.put(rep, new StatementFacts(lines.getOrDefault(rep, List.of()), payLines.getOrDefault(rep, List.of()),
                    payrollFiles.getOrDefault(rep, BigDecimal.ZERO), alreadyPaid.getOrDefault(rep, BigDecimal.ZERO),
                    earnedBefore.getOrDefault(rep, BigDecimal.ZERO),
                    plansUsed.getOrDefault(rep, List.of()), yearToDate.getOrDefault(rep, YearToDate.NONE),
                    attainments.getOrDefault(rep, List.of()), caps.getOrDefault(rep, List.of()),
                    notPaid.getOrDefault(rep, List.of()), history.getOrDefault(rep, List.of()),
                    corrections.getOrDefault(rep, List.of()), rejected.getOrDefault(rep, List.of())));
        }
        return facts;
    }

    /** A row of a block read: the rep it belongs to and, where the rep's pay currency filters it, its currency. */
    private record RepRow<T>(String repId, String currency, T value) {
    }

    /** The rows of each rep in the order read, keeping only those in the rep's pay currency where one is given. */
    private static <T> Map<String, List<T>> byRep(List<RepRow<T>> rows, Map<String, String> payCurrencies) {
        Map<String, List<T>> byRep = new HashMap<>();
        for (RepRow<T> row : rows) {
            if (row.currency() == null || row.currency().equals(payCurrencies.get(row.repId()))) {
                byRep.computeIfAbsent(row.repId(), rep -> new ArrayList<>()).add(row.value());
            }
        }
        return byRep;
    }

    /** An earning line, from its columns 3 on. */
    private static StatementLine line(ResultSet rs) throws SQLException {
        String kind = rs.getString(3);
        // usage and activity lines are transactions too, but no booking stands behind them
        boolean transaction = kind.equals("TRANSACTION") || kind.equals("NOT_COUNTED");
        boolean booking = transaction && rs.getObject(5) != null;
        String band = rs.getString(18);
        String description = booking ? bookingNote(band, rs.getString(16)) : rs.getString(17) + ": "
                + rs.getString(16) + (transaction || band.equals("-") ? "" : " [" + band + "]");
        return new StatementLine(kind, transaction ? rs.getString(4) : kindLabel(kind),
                booking ? rs.getObject(5, LocalDate.class) : null, booking ? rs.getString(6) : null,
                booking ? rs.getString(7) : null, booking ? rs.getString(8) : null,
                booking ? rs.getBigDecimal(9) : null, booking ? rs.getString(10) : null,
                booking ? rs.getBigDecimal(11) : null, rs.getBigDecimal(12), rs.getBigDecimal(13),
                rs.getBigDecimal(14), rs.getBigDecimal(15), description, rs.getString(19) + " v" + rs.getInt(20),
                ComponentLine.paidPerUnit(band));
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

    /**
     * Each component of each rep against its quota, in the window that holds the period: one row per component
     * however many plan versions priced it in the year (the rows come in the order the calculation priced them).
     */
    private Map<String, List<StatementAttainment>> attainments(MapSqlParameterSource args,
            Map<String, String> payCurrencies) {
        Map<String, List<StatementAttainment>> rows = byRep(named.query("""
                SELECT rep_id, component_id, metric, money, window_key, credit, quota, attainment, earned
                FROM component_attainment WHERE pay_period = :period AND rep_id IN (:reps) ORDER BY rep_id, line_no
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), null, new StatementAttainment(rs.getString(2),
                rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getBigDecimal(8), rs.getBigDecimal(9)))), payCurrencies);
        Map<String, List<StatementAttainment>> attainments = new HashMap<>();
        rows.forEach((rep, repRows) -> attainments.put(rep, StatementAttainment.acrossVersions(repRows)));
        return attainments;
    }

    /**
     * The rep's bookings cancelled this period that no clawback line recovers, and the rep's bookings of the
     * period no crediting rule credited (held, with the reason): neither changes the pay, both are the rep's to see.
     */
    private Map<String, List<StatementNotPaid>> notPaid(MapSqlParameterSource args, Map<String, String> payCurrencies) {
        Map<String, List<StatementNotPaid>> rows = byRep(named.query("""
                SELECT DISTINCT c.rep_id, x.booking_id, b.booked_on, x.cancelled_on, x.reason FROM cancellation x
                JOIN credit c ON c.booking_id = x.booking_id
                JOIN booking b ON b.pay_period = c.pay_period AND b.booking_id = c.booking_id
                WHERE x.pay_period = :period AND c.rep_id IN (:reps)
                AND NOT EXISTS (SELECT 1 FROM pay_line p WHERE p.pay_period = :period AND p.rep_id = c.rep_id
                    AND p.earning_code = 'CLAWBACK' AND p.reference = x.booking_id)
                ORDER BY c.rep_id, x.booking_id
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), null, new StatementNotPaid(rs.getString(2),
                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)))), payCurrencies);
        byRep(named.query("""
                SELECT b.owner_rep_id, b.booking_id, b.booked_on, x.reason FROM credit_exception x
                JOIN booking b ON b.pay_period = x.pay_period AND b.booking_id = x.booking_id
                WHERE x.pay_period = :period AND b.owner_rep_id IN (:reps) ORDER BY b.owner_rep_id, b.booking_id
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), null, new StatementNotPaid(rs.getString(2),
                rs.getObject(3, LocalDate.class), null, rs.getString(4)))), payCurrencies)
                .forEach((rep, held) -> rows.computeIfAbsent(rep, r -> new ArrayList<>()).addAll(held));
        return rows;
    }

    /** The rows naming the rep that intake rejected in the period (an identical re-delivery is no reject), in file order. */
    private Map<String, List<StatementRejectedRow>> rejected(MapSqlParameterSource args,
            Map<String, String> payCurrencies) {
        return byRep(named.query("""
                SELECT rep_id, booking_id, source_file, line_no, column_name, reason, raw_value FROM intake_reject
                WHERE pay_period = :period AND rep_id IN (:reps) AND kind = 'REJECTED'
                ORDER BY rep_id, source_file, line_no
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), null, new StatementRejectedRow(rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)))), payCurrencies);
    }

    /**
     * The rep's deals of the period that correct a delivery of an earlier, locked month, with the deal's old and
     * new values: "K1 of 2026-10, corrected: ACV 10,000.00 USD → 12,000.00 USD".
     */
    private Map<String, List<String>> corrections(MapSqlParameterSource args, Map<String, String> payCurrencies) {
        return byRep(named.query("""
                SELECT DISTINCT c.rep_id, b.booking_id, e.pay_period, e.booked_on, e.acv, e.currency, b.booked_on,
                       b.acv, b.currency
                FROM credit c JOIN booking b ON b.pay_period = c.pay_period AND b.booking_id = c.booking_id
                JOIN booking e ON e.booking_id = b.booking_id AND e.pay_period = (SELECT MAX(x.pay_period)
                    FROM booking x WHERE x.booking_id = b.booking_id AND x.pay_period < :period)
                WHERE c.pay_period = :period AND c.rep_id IN (:reps) ORDER BY c.rep_id, b.booking_id
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), null, rs.getString(2) + " of " + rs.getString(3)
                + ", corrected: " + change("booked", rs.getString(4), rs.getString(7)) + ", " + change("ACV",
                Amounts.format(rs.getBigDecimal(5)) + " " + rs.getString(6),
                Amounts.format(rs.getBigDecimal(8)) + " " + rs.getString(9)))), payCurrencies);
    }

    /** "ACV 10,000.00 USD → 12,000.00 USD", or the value once when it did not change. */
    private static String change(String what, String before, String after) {
        return what + " " + (before.equals(after) ? after : before + " → " + after);
    }

    /** Each month of the plan year up to the period: the rep's payout and its components at that month's close. */
    private Map<String, List<StatementMonth>> history(MapSqlParameterSource args, Map<String, String> payCurrencies) {
        record Month(String period, BigDecimal payout) {
        }
        Map<String, List<Month>> payouts = byRep(named.query("""
                SELECT rep_id, currency, pay_period, payout FROM rep_ledger
                WHERE rep_id IN (:reps) AND pay_period IN (:months) ORDER BY rep_id, pay_period
                """, args, (rs, i) -> new RepRow<>(rs.getString(1), rs.getString(2), new Month(rs.getString(3),
                rs.getBigDecimal(4)))), payCurrencies);
        Map<String, Map<String, List<StatementAttainment>>> attained = attainedByMonth(args);
        Map<String, List<StatementMonth>> history = new HashMap<>();
        payouts.forEach((rep, months) -> history.put(rep, months.stream().map(m -> new StatementMonth(m.period(),
                m.payout(), StatementMonth.lead(attained.getOrDefault(rep, Map.of()).getOrDefault(m.period(),
                        List.of())))).toList()));
        return history;
    }

    /** Each rep's components at each month's close of the plan year up to the period, per month, as priced. */
    private Map<String, Map<String, List<StatementAttainment>>> attainedByMonth(MapSqlParameterSource args) {
        Map<String, Map<String, List<StatementAttainment>>> attained = new HashMap<>();
        named.query("""
                SELECT rep_id, pay_period, component_id, metric, money, window_key, credit, quota, attainment, earned
                FROM component_attainment WHERE rep_id IN (:reps) AND pay_period IN (:months)
                ORDER BY rep_id, pay_period, line_no
                """, args, rs -> {
            attained.computeIfAbsent(rs.getString(1), r -> new HashMap<>()).computeIfAbsent(rs.getString(2),
                    p -> new ArrayList<>()).add(new StatementAttainment(rs.getString(3), rs.getString(4),
                    rs.getBoolean(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                    rs.getBigDecimal(10)));
        });
        return attained;
    }

    /**
     * Where each of the rep's components stood at each month's close of the plan year up to the period, oldest
     * month first, one row per component (plan versions merged) as the statement's attainment table shows them.
     */
    public Map<String, List<StatementAttainment>> attainmentsByMonth(String period, String repId) {
        Map<String, List<StatementAttainment>> byMonth = new java.util.TreeMap<>();
        attainedByMonth(new MapSqlParameterSource("reps", List.of(repId)).addValue("months", monthsOfYear(period)))
                .getOrDefault(repId, Map.of())
                .forEach((month, rows) -> byMonth.put(month, StatementAttainment.acrossVersions(rows)));
        return byMonth;
    }

    /** The plan year the statements' year-to-date figures follow. */
    public FiscalYear fiscalYear() {
        return calendar.fiscalYear();
    }

    /**
     * The pay periods of the plan year up to the period, named one by one: with the period leading each table's
     * key, a rep's year is a key lookup a period (twelve a year when monthly), not a scan of every rep's year.
     */
    private List<String> monthsOfYear(String period) {
        PayPeriod last = calendar.period(period);
        return calendar.schedule().ofYear(calendar.fiscalYear(), last.month()).stream().map(PayPeriod::id)
                .filter(id -> id.compareTo(period) <= 0).toList();
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
                """, written.stream().map(w -> new Object[] {period, w.statement().repId(), w.statement().version(),
                w.filePath(), w.sha256(), w.statement().total(), w.statement().currency(), at}).toList());
        jdbc.batchUpdate("DELETE FROM statement_figure WHERE pay_period = ? AND rep_id = ? AND version = ?",
                written.stream().map(w -> new Object[] {period, w.statement().repId(), w.statement().version()})
                        .toList());
        List<Object[]> figures = new ArrayList<>();
        for (Written w : written) {
            for (StatementFigure f : w.statement().figures()) {
                figures.add(new Object[] {period, w.statement().repId(), w.statement().version(), f.key(),
                        ColumnText.fit(f.label(), 300), f.amount()});
            }
        }
        // a statement shows some 265 figures (530,000 for 2,000 reps): sent as a file where the database
        // takes one, as the earning lines are
        bulkLoad.write("statement_figure", FIGURE_COLUMNS, figures, row -> row, "");
    }

    /** Statements issued by one revision of the period's close. */
    public long issued(String period, int revision) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM statement WHERE pay_period = ? AND version = ?",
                Long.class, period, revision);
        return n == null ? 0 : n;
    }
}
