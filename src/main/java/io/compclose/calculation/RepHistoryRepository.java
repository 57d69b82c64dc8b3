package io.compclose.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Reads one rep's history for the calculation: the plan year lives in the same database as the
 * close, so November's calculation sees October's credits, payouts and ledger.
 */
@Repository
public class RepHistoryRepository {

    private static final String DEAL_COLUMNS = """
            c.booking_id, b.booked_on, b.account_id, b.booking_type, b.product, b.bundle_id, b.acv, b.tcv,
            b.term_months, c.credit_share, c.plan_id, c.pay_period, c.currency, b.currency, c.fx_rate, c.credit_kind
            """;

    private final JdbcTemplate jdbc;
    private final UsageHistoryRepository usage;

    public RepHistoryRepository(JdbcTemplate jdbc, UsageHistoryRepository usage) {
        this.jdbc = jdbc;
        this.usage = usage;
    }

    /** The deals credited to the rep in the plan year up to the period; the latest delivery of a booking wins. */
    public List<RepHistory.HistoricDeal> dealsOfYear(String repId, YearMonth period) {
        return List.copyOf(yearDeals(repId, period).values());
    }

    private static RowMapper<RepHistory.HistoricDeal> dealRow() {
        return (rs, i) -> {
            boolean sourced = "SOURCED".equals(rs.getString(16));
            CreditedDeal deal = new CreditedDeal(rs.getString(1), rs.getObject(2, LocalDate.class),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                    rs.getBigDecimal(8), rs.getInt(9), rs.getBigDecimal(10), sourced);
            String creditCurrency = rs.getString(13);
            String bookedCurrency = rs.getString(14);
            if (!bookedCurrency.equals(creditCurrency)) {
                // at the rate stored with the credit: a deal keeps the rate of the period that credited it
                deal = deal.convertedAt(rs.getBigDecimal(15).stripTrailingZeros(), bookedCurrency, creditCurrency);
            }
            return new RepHistory.HistoricDeal(deal, rs.getString(11), rs.getString(12), creditCurrency);
        };
    }

    private Map<String, RepHistory.HistoricDeal> yearDeals(String repId, YearMonth period) {
        return yearDeals(repId, period, period, java.util.Set.of());
    }

    /**
     * The year's deals of the rep. The latest delivery of a booking wins: a correction delivered in a
     * later period (up to {@code deliveredUpTo}) replaces the earlier row, also when it is now credited
     * to someone else. {@code leaveOut} are bookings of the period itself to read as if not delivered.
     */
    private Map<String, RepHistory.HistoricDeal> yearDeals(String repId, YearMonth period, YearMonth deliveredUpTo,
            java.util.Set<String> leaveOut) {
        Map<String, RepHistory.HistoricDeal> deals = new LinkedHashMap<>();
        jdbc.query("SELECT " + DEAL_COLUMNS + """
                FROM credit c JOIN booking b ON b.pay_period = c.pay_period AND b.booking_id = c.booking_id
                WHERE c.rep_id = ? AND c.pay_period BETWEEN ? AND ?
                AND NOT EXISTS (SELECT 1 FROM booking later WHERE later.booking_id = c.booking_id
                    AND later.pay_period > c.pay_period AND later.pay_period <= ?)
                ORDER BY c.pay_period, b.booked_on, c.booking_id
                """, dealRow(), repId, YearMonth.of(period.getYear(), 1).toString(), period.toString(),
                deliveredUpTo.toString())
                .stream()
                .filter(d -> !(d.creditedIn().equals(period.toString()) && leaveOut.contains(d.deal().bookingId())))
                .forEach(d -> deals.put(d.deal().bookingId(), d));
        return deals;
    }

    /**
     * The rep's bookings that arrived in this period for an earlier, locked one: a late booking (dated
     * before the period, first delivered now), a correction (delivered before and again now), or a
     * booking of theirs now delivered again credited to someone else.
     */
    private List<LateCorrection.Item> lateCorrections(String repId, YearMonth period) {
        String key = period.toString();
        Map<String, LateCorrection.Item> items = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT b.booking_id, b.booked_on, (SELECT MAX(e.pay_period) FROM booking e
                    WHERE e.booking_id = b.booking_id AND e.pay_period < ?)
                FROM credit c JOIN booking b ON b.pay_period = c.pay_period AND b.booking_id = c.booking_id
                WHERE c.rep_id = ? AND c.pay_period = ? AND (b.booked_on < ? OR EXISTS (SELECT 1 FROM booking e
                    WHERE e.booking_id = b.booking_id AND e.pay_period < ?))
                """, rs -> {
            String id = rs.getString(1);
            LocalDate booked = rs.getObject(2, LocalDate.class);
            String earlier = rs.getString(3);
            items.put(id, earlier == null
                    ? new LateCorrection.Item(id, YearMonth.from(booked).toString(), "booked late, on " + booked)
                    : new LateCorrection.Item(id, earlier, "corrected (replaces the delivery of " + earlier + ")"));
        }, key, repId, key, period.atDay(1), key);
        jdbc.query("""
                SELECT DISTINCT c.booking_id, c.pay_period FROM credit c
                WHERE c.rep_id = ? AND c.pay_period >= ? AND c.pay_period < ?
                AND EXISTS (SELECT 1 FROM booking n WHERE n.booking_id = c.booking_id AND n.pay_period = ?)
                AND NOT EXISTS (SELECT 1 FROM credit n WHERE n.booking_id = c.booking_id AND n.pay_period = ?
                    AND n.rep_id = c.rep_id)
                """, rs -> {
            String id = rs.getString(1);
            items.putIfAbsent(id, new LateCorrection.Item(id, rs.getString(2),
                    "corrected: no longer credited to this rep"));
        }, repId, YearMonth.of(period.getYear(), 1).toString(), key, key, key);
        return List.copyOf(items.values());
    }

    /**
     * @param payCurrency the rep's pay currency in the period, into which usage is converted at each
     *                    month's rate
     */
    public RepHistory history(String repId, YearMonth period, String payCurrency) {
        String key = period.toString();
        String yearStart = YearMonth.of(period.getYear(), 1).toString();
        Map<String, RepHistory.HistoricDeal> deals = yearDeals(repId, period);
        // an earlier year's deal cancelled this period: needed for its clawback
        jdbc.query("SELECT " + DEAL_COLUMNS + """
                FROM cancellation x
                JOIN credit c ON c.booking_id = x.booking_id
                JOIN booking b ON b.pay_period = c.pay_period AND b.booking_id = c.booking_id
                WHERE x.pay_period = ? AND c.rep_id = ? AND c.pay_period < ? ORDER BY c.pay_period
                """, dealRow(), key, repId, yearStart).forEach(d -> deals.putIfAbsent(d.deal().bookingId(), d));

        Map<String, LocalDate> cancellations = new HashMap<>();
        jdbc.query("""
                SELECT x.booking_id, x.cancelled_on FROM cancellation x WHERE x.pay_period = ?
                AND EXISTS (SELECT 1 FROM credit c WHERE c.booking_id = x.booking_id AND c.rep_id = ?)
                """, rs -> {
            cancellations.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        }, key, repId);

        Map<String, RepPeriodInput.PaidCommission> paid = new HashMap<>();
        for (String bookingId : cancellations.keySet()) {
            jdbc.query("""
                    SELECT SUM(amount), MIN(source_period) FROM earning_line
                    WHERE rep_id = ? AND source_id = ? AND line_kind = 'TRANSACTION' AND pay_period = (
                        SELECT MAX(pay_period) FROM earning_line WHERE rep_id = ? AND source_id = ?
                        AND line_kind = 'TRANSACTION' AND pay_period < ?)
                    """, rs -> {
                BigDecimal amount = rs.getBigDecimal(1);
                if (amount != null) {
                    paid.put(bookingId, new RepPeriodInput.PaidCommission(amount, rs.getString(2)));
                }
            }, repId, bookingId, repId, bookingId, key);
        }

        List<String> bonuses = jdbc.queryForList("""
                SELECT DISTINCT reference FROM pay_line WHERE rep_id = ? AND earning_code IN ('BONUS', 'TEAM_POOL')
                AND pay_period >= ? AND pay_period < ? AND reference IS NOT NULL
                """, String.class, repId, yearStart, key);

        Map<String, Map<String, BigDecimal>> activities = new HashMap<>();
        List<LateCorrection.Item> late = lateCorrections(repId, period);
        List<RepHistory.HistoricDeal> withoutLate = late.isEmpty() ? List.of() : List.copyOf(yearDeals(repId, period,
                period.minusMonths(1), late.stream().map(LateCorrection.Item::bookingId)
                        .collect(java.util.stream.Collectors.toSet())).values());
        return new RepHistory(List.copyOf(deals.values()), metricValues(repId, yearStart, key, activities),
                cancellations, paid, new HashSet<>(bonuses), priorLedger(repId, yearStart, key),
                usage.ofRep(repId, period, payCurrency), activities, adjustments(repId, key), late, withoutLate);
    }

    /**
     * The rep's figures of the year by window key: a KPI or MBO score under the period it measures
     * (the latest delivery wins); activities summed into their month, quarter and year to date, in
     * total and, into {@code activities}, by type.
     */
    private Map<String, Map<String, BigDecimal>> metricValues(String repId, String yearStart, String period,
            Map<String, Map<String, BigDecimal>> activities) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        jdbc.query("""
                SELECT source_file, figure_period, metric, figure_value, detail FROM rep_figure
                WHERE rep_id = ? AND pay_period BETWEEN ? AND ? ORDER BY pay_period, source_file, source_id
                """, rs -> {
            String figurePeriod = rs.getString(2);
            String metric = rs.getString(3);
            BigDecimal value = rs.getBigDecimal(4);
            if (rs.getString(1).equals("activities.csv")) {
                YearMonth month = YearMonth.parse(figurePeriod);
                for (String window : List.of(figurePeriod, month.getYear() + "-Q" + ((month.getMonthValue() + 2) / 3),
                        String.valueOf(month.getYear()))) {
                    values.computeIfAbsent(window, k -> new HashMap<>()).merge(metric, value, BigDecimal::add);
                    activities.computeIfAbsent(window, k -> new HashMap<>()).merge(rs.getString(5), value,
                            BigDecimal::add);
                }
            } else {
                values.computeIfAbsent(figurePeriod, k -> new HashMap<>()).put(metric, value);
            }
        }, repId, yearStart, period);
        return values;
    }

    /** The period's manual adjustments of the rep, as pay lines naming the id, reason and approver. */
    private List<PayLine> adjustments(String repId, String period) {
        return jdbc.query("""
                SELECT adjustment_id, amount, reason, approved_by FROM adjustment WHERE pay_period = ? AND rep_id = ?
                ORDER BY adjustment_id
                """, (rs, i) -> new PayLine(EarningCode.ADJUSTMENT, rs.getBigDecimal(2), "adjustment "
                + rs.getString(1) + ": " + rs.getString(3) + " (approved by " + rs.getString(4) + ")",
                "adjustment:" + rs.getString(1)), period, repId);
    }

    /** The ledger the rep's last close of the plan year left; a new plan year starts from zero. */
    private Ledger priorLedger(String repId, String yearStart, String period) {
        List<Ledger> ledgers = jdbc.query("""
                SELECT paid_to_date, period_caps_to_date, held_back, draw_balance, clawback_balance FROM rep_ledger
                WHERE rep_id = ? AND pay_period >= ? AND pay_period < ? ORDER BY pay_period DESC
                """, (rs, i) -> new Ledger(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5)), repId, yearStart, period);
        return ledgers.isEmpty() ? Ledger.start() : ledgers.get(0);
    }
}
