package io.compclose.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One rep's pay of a period back to its inputs: payouts, pay lines, earning lines, the credits they priced and the
 * booking, usage or KPI row behind each credit, with the file and line it came from. Every query is keyed by the
 * period and the rep (the leading columns of each table's primary key), so a rep's page reads only that rep's rows.
 */
@Repository
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RepDrillDownRepository {

    /** A rep paid in the period, for the period's list of reps. */
    public record PaidRep(String repId, String name, String currency, BigDecimal amount) {
    }

    public record Payout(String currency, BigDecimal amount, int lineCount) {
    }

    public record PayLine(int lineNo, String code, BigDecimal amount, String currency, String reference, String why) {
    }

    /** An earning line; {@code sourcePeriod} is the month whose credit it prices (earlier months are re-priced). */
    public record EarningLine(int lineNo, String component, String kind, String sourceId, String sourcePeriod,
            BigDecimal credit, BigDecimal multiplier, String band, BigDecimal rate, BigDecimal amount, String currency,
            String why, String plan) {
    }

    /** A credit of the rep; {@code lineage} is where the credit came from in words ("bookings.csv:20"). */
    public record Credit(String period, String bookingId, String kind, BigDecimal share, BigDecimal amount,
            String currency, BigDecimal originalAmount, String originalCurrency, String rule, String lineage) {
    }

    /** A booking as intake accepted it from bookings.csv, with its line there. */
    public record Booking(String period, String bookingId, String bookedOn, String accountId, String accountName,
            String owner, String type, String product, BigDecimal acv, BigDecimal tcv, Integer termMonths,
            String currency, long line) {

        public String file() {
            return "bookings.csv";
        }
    }

    /** A KPI or activity row of the rep (kpis.csv, activities.csv), with its file and line. */
    public record Figure(String file, long line, String sourceId, String figurePeriod, String metric,
            BigDecimal value, String detail) {
    }

    /** A usage row (usage.csv) behind a usage line, with its line. */
    public record Usage(String period, String usageId, String accountId, String product, String usageMonth,
            BigDecimal quantity, String unit, BigDecimal revenue, String currency, long line) {

        public String file() {
            return "usage.csv";
        }
    }

    /**
     * An account's month of usage as the close summed it (account_usage) from usage.csv rows delivered up to the
     * period: what a usage line priced.
     */
    public record UsageMonth(String accountId, String usageMonth, String currency, BigDecimal revenue, long rows) {
    }

    private final JdbcClient jdbc;

    public RepDrillDownRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Whether any rep is paid in the period: a period without payouts has no reps to drill into. */
    public boolean hasPayouts(String period) {
        return jdbc.sql("SELECT COUNT(*) FROM payout WHERE pay_period = :period").param("period", period)
                .query(Long.class).single() > 0;
    }

    /** The period's paid reps whose id or name contains {@code search} (any case), in rep id order, one page. */
    public List<PaidRep> paidReps(String period, String search, int offset, int limit) {
        return jdbc.sql("SELECT rep_id, name, currency, amount FROM " + PAID_REPS
                + " ORDER BY rep_id, currency LIMIT :limit OFFSET :offset")
                .param("period", period).param("search", like(search)).param("limit", limit)
                .param("offset", offset).query((rs, i) -> new PaidRep(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getBigDecimal(4))).list();
    }

    public long countPaidReps(String period, String search) {
        return jdbc.sql("SELECT COUNT(*) FROM " + PAID_REPS).param("period", period).param("search", like(search))
                .query(Long.class).single();
    }

    /**
     * Each rep's payout per currency with the rep's name as of the period's roster (its latest assignment in the
     * month), filtered by the search. Grouped first and filtered outside, so MySQL and MariaDB see only grouped
     * columns in the name's subquery.
     */
    private static final String PAID_REPS = """
            (SELECT p.rep_id, p.currency, SUM(p.amount) AS amount,
                    (SELECT a.name FROM rep_assignment a WHERE a.pay_period = :period AND a.rep_id = p.rep_id
                     ORDER BY a.effective_from DESC LIMIT 1) AS name
             FROM payout p WHERE p.pay_period = :period GROUP BY p.rep_id, p.currency) paid
            WHERE (:search = '%%' OR LOWER(paid.rep_id) LIKE :search OR LOWER(paid.name) LIKE :search)""";

    private static String like(String search) {
        String plain = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "").replace("%", "").replace("_", "");
        return "%" + plain + "%";
    }

    /** The rep's name in the period, empty when the period's roster does not hold the rep. */
    public Optional<String> repName(String period, String repId) {
        return jdbc.sql("""
                SELECT name FROM rep_assignment WHERE pay_period = :period AND rep_id = :rep
                ORDER BY effective_from DESC LIMIT 1
                """).param("period", period).param("rep", repId).query(String.class).optional();
    }

    public List<Payout> payouts(String period, String repId) {
        return jdbc.sql("""
                SELECT currency, SUM(amount), SUM(line_count) FROM payout WHERE pay_period = :period AND rep_id = :rep
                GROUP BY currency ORDER BY currency
                """).param("period", period).param("rep", repId)
                .query((rs, i) -> new Payout(rs.getString(1), rs.getBigDecimal(2), rs.getInt(3))).list();
    }

    public List<PayLine> payLines(String period, String repId) {
        return jdbc.sql("""
                SELECT line_no, earning_code, amount, currency, reference, why FROM pay_line
                WHERE pay_period = :period AND rep_id = :rep ORDER BY line_no
                """).param("period", period).param("rep", repId).query((rs, i) -> new PayLine(rs.getInt(1),
                rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    public List<EarningLine> earningLines(String period, String repId) {
        return jdbc.sql("""
                SELECT line_no, component_id, line_kind, source_id, source_period, credit, multiplier, band, rate,
                       amount, currency, why, plan_id, plan_version
                FROM earning_line WHERE pay_period = :period AND rep_id = :rep ORDER BY line_no
                """).param("period", period).param("rep", repId).query((rs, i) -> new EarningLine(rs.getInt(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11),
                rs.getString(12), rs.getString(13) + " v" + rs.getInt(14))).list();
    }

    /**
     * The rep's credits that its earning lines of the period price, each in the month it was credited, and the
     * credits of the bookings its pay lines name (a clawback's, a SPIFF's). Both are read from the rep's own lines
     * (their keys lead with period and rep) into the credit's key, never by scanning credits.
     */
    public List<Credit> credits(String period, String repId) {
        return jdbc.sql("SELECT " + CREDIT_COLUMNS + """
                 FROM earning_line e JOIN credit c ON c.pay_period = e.source_period AND c.booking_id = e.source_id
                    AND c.rep_id = e.rep_id
                WHERE e.pay_period = :period AND e.rep_id = :rep
                UNION
                SELECT""" + " " + CREDIT_COLUMNS + """
                 FROM pay_line p JOIN credit c ON c.rep_id = p.rep_id AND c.booking_id = p.reference
                    AND c.pay_period <= p.pay_period
                WHERE p.pay_period = :period AND p.rep_id = :rep
                ORDER BY 1, 2
                """).param("period", period).param("rep", repId).query((rs, i) -> new Credit(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10))).list();
    }

    private static final String CREDIT_COLUMNS = "c.pay_period, c.booking_id, c.credit_kind, c.credit_share, "
            + "c.amount, c.currency, c.original_amount, c.original_currency, c.rule_name, c.lineage";

    /** The booking rows behind the rep's credits of {@link #credits}: one per month and booking. */
    public List<Booking> bookings(String period, String repId) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + """
                 FROM earning_line e JOIN booking b ON b.pay_period = e.source_period AND b.booking_id = e.source_id
                WHERE e.pay_period = :period AND e.rep_id = :rep
                UNION
                SELECT""" + " " + BOOKING_COLUMNS + """
                 FROM pay_line p JOIN booking b ON b.booking_id = p.reference AND b.pay_period <= p.pay_period
                WHERE p.pay_period = :period AND p.rep_id = :rep
                ORDER BY 1, 2
                """).param("period", period).param("rep", repId).query((rs, i) -> new Booking(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10), (Integer) rs.getObject(11, Integer.class),
                rs.getString(12), rs.getLong(13))).list();
    }

    private static final String BOOKING_COLUMNS = "b.pay_period, b.booking_id, b.booked_on, b.account_id, "
            + "b.account_name, b.owner_rep_id, b.booking_type, b.product, b.acv, b.tcv, b.term_months, b.currency, "
            + "b.source_line";

    /** Usage rows shown at most: an account's month can hold thousands, the page shows where they start. */
    static final int USAGE_ROWS = 200;

    /**
     * The accounts' months the rep's usage lines price, as the close summed them: read by account and month from
     * the summary, never from the month's millions of usage rows (kept with their primary key only, for the load).
     */
    public List<UsageMonth> usageMonths(String period, String repId) {
        return jdbc.sql("""
                SELECT u.account_id, u.usage_month, u.currency, SUM(u.revenue),
                       SUM(CASE WHEN u.entry = 'DELIVERED' THEN u.usage_rows ELSE 0 END)
                FROM (SELECT DISTINCT source_id, source_period FROM earning_line
                      WHERE pay_period = :period AND rep_id = :rep AND line_kind = 'TRANSACTION') e
                JOIN account_usage u ON u.account_id = e.source_id AND u.usage_month = e.source_period
                WHERE u.pay_period <= :period
                GROUP BY u.account_id, u.usage_month, u.currency ORDER BY u.account_id, u.usage_month, u.currency
                """).param("period", period).param("rep", repId)
                .query((rs, i) -> new UsageMonth(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getLong(5))).list();
    }

    /**
     * The usage.csv rows of an account's month delivered up to the period, the first {@value #USAGE_ROWS}, with
     * their lines. A scan of the months' usage rows: one account's month, asked for from its summary.
     */
    public List<Usage> usage(String period, String accountId, String usageMonth) {
        return jdbc.sql("""
                SELECT pay_period, usage_id, account_id, product, usage_month, quantity, unit, revenue, currency,
                       source_line
                FROM billed_usage WHERE pay_period <= :period AND account_id = :account AND usage_month = :month
                ORDER BY pay_period, source_line LIMIT :limit
                """).param("period", period).param("account", accountId).param("month", usageMonth)
                .param("limit", USAGE_ROWS)
                .query((rs, i) -> new Usage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getLong(10))).list();
    }

    /** The rep's KPI and activity rows delivered for the period: what attainment lines and MBO pay measured. */
    public List<Figure> figures(String period, String repId) {
        return jdbc.sql("""
                SELECT source_file, source_line, source_id, figure_period, metric, figure_value, detail FROM rep_figure
                WHERE pay_period = :period AND rep_id = :rep ORDER BY source_file, source_line
                """).param("period", period).param("rep", repId).query((rs, i) -> new Figure(rs.getString(1),
                rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                rs.getString(7))).list();
    }
}
