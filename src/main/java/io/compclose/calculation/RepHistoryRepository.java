package io.compclose.calculation;

import io.compclose.core.calculation.AccountUsage;
import io.compclose.core.calculation.CreditedDeal;
import io.compclose.core.calculation.EarningCode;
import io.compclose.core.calculation.LateCorrection;
import io.compclose.core.calculation.Ledger;
import io.compclose.core.calculation.PayLine;
import io.compclose.core.calculation.RepHistory;
import io.compclose.core.calculation.RepPeriodInput;
import io.compclose.core.calculation.TeamPoolShare;
import io.compclose.core.input.DealAttributes;
import io.compclose.core.inquiry.AdjustmentApproval;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.core.money.FxConversion;
import io.compclose.core.money.Money;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PayPeriod;
import io.compclose.system.PayCalendar;

/**
 * Reads reps' history for the calculation: the plan year lives in the same database as the close,
 * so November's calculation sees October's credits, payouts and ledger. The reps of a block are read
 * together, one query per kind of figure for them all, not a dozen per rep.
 */
@Repository
public class RepHistoryRepository {

    private static final String DEAL_COLUMNS = """
            c.booking_id, b.booked_on, b.account_id, b.booking_type, b.product, b.bundle_id, c.acv_pay, c.tcv_pay,
            b.term_months, c.credit_share, c.plan_id, c.pay_period, c.currency, b.currency, c.fx_rate, c.credit_kind,
            c.rep_id, c.amount, c.original_amount, b.gross_margin_pct, b.discount_pct, b.payment_terms_days
            """;

    private final NamedParameterJdbcTemplate named;
    private final UsageHistoryRepository usage;
    private final PayCalendar calendar;

    public RepHistoryRepository(JdbcTemplate jdbc, UsageHistoryRepository usage, PayCalendar calendar) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.usage = usage;
        this.calendar = calendar;
    }

    /** The deals credited to the rep in the plan year up to the period; the latest delivery of a booking wins. */
    public List<RepHistory.HistoricDeal> dealsOfYear(String repId, PayPeriod period) {
        return List.copyOf(yearDeals(List.of(repId), period, period.id(), Set.of()).getOrDefault(repId, Map.of()).values());
    }

    /** Reads a deal row ({@link #DEAL_COLUMNS}) with the rep it is credited to. */
    private static RowMapper<Map.Entry<String, RepHistory.HistoricDeal>> dealRow() {
        return (rs, i) -> {
            boolean sourced = "SOURCED".equals(rs.getString(16));
            String creditCurrency = rs.getString(13);
            String bookedCurrency = rs.getString(14);
            boolean converted = !bookedCurrency.equals(creditCurrency);
            Money credit = Money.stored(rs.getBigDecimal(18), creditCurrency);
            // the credit, ACV and TCV as crediting converted and stored them, never converted again
            CreditedDeal deal = new CreditedDeal(rs.getString(1), rs.getObject(2, LocalDate.class),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    inPay(rs.getBigDecimal(7), converted, creditCurrency),
                    inPay(rs.getBigDecimal(8), converted, creditCurrency), rs.getInt(9), rs.getBigDecimal(10), sourced,
                    null, credit.amount(), new DealAttributes(rs.getBigDecimal(20), rs.getBigDecimal(21),
                            rs.getObject(22, Integer.class)));
            deal = converted ? deal.creditedAs(new FxConversion.Converted(Money.of(rs.getBigDecimal(19),
                    bookedCurrency), credit, rs.getBigDecimal(15).stripTrailingZeros())) : deal;
            return Map.entry(rs.getString(17),
                    new RepHistory.HistoricDeal(deal, rs.getString(11), rs.getString(12), creditCurrency));
        };
    }

    /** A converted amount without the column's padding; a booked one as it was booked. */
    private static BigDecimal inPay(BigDecimal stored, boolean converted, String currency) {
        return stored == null || !converted ? stored : Money.stored(stored, currency).amount();
    }

    /**
     * The year's deals of each rep. The latest delivery of a booking wins: a correction delivered in a
     * later period (up to {@code deliveredUpTo}) replaces the earlier row, also when it is now credited
     * to someone else. {@code leaveOut} are bookings of the period itself to read as if not delivered.
     */
    private Map<String, Map<String, RepHistory.HistoricDeal>> yearDeals(List<String> repIds, PayPeriod period,
            String deliveredUpTo, Set<String> leaveOut) {
        Map<String, Map<String, RepHistory.HistoricDeal>> deals = new HashMap<>();
        named.query("SELECT " + DEAL_COLUMNS + """
                FROM credit c JOIN booking b ON b.pay_period = c.pay_period AND b.booking_id = c.booking_id
                WHERE c.rep_id IN (:reps) AND c.pay_period BETWEEN :yearStart AND :period
                AND NOT EXISTS (SELECT 1 FROM booking later WHERE later.booking_id = c.booking_id
                    AND later.pay_period > c.pay_period AND later.pay_period <= :deliveredUpTo)
                ORDER BY c.rep_id, c.pay_period, b.booked_on, c.booking_id
                """, Map.of("reps", repIds, "yearStart", yearStart(period), "period", period.toString(),
                "deliveredUpTo", deliveredUpTo), dealRow())
                .stream()
                .filter(d -> !(d.getValue().creditedIn().equals(period.toString())
                        && leaveOut.contains(d.getValue().deal().bookingId())))
                .forEach(d -> deals.computeIfAbsent(d.getKey(), r -> new LinkedHashMap<>())
                        .put(d.getValue().deal().bookingId(), d.getValue()));
        return deals;
    }

    /**
     * Whether any booking of the period arrived late for an earlier, locked one: dated before the
     * period, delivered before, or credited in an earlier period of the year. Without one, no rep has
     * a late correction, and the step reads none rep by rep.
     */
    public boolean anyLateBookings(PayPeriod period) {
        String key = period.toString();
        return !named.getJdbcTemplate().queryForList("""
                SELECT 1 FROM booking n WHERE n.pay_period = ? AND (n.booked_on < ?
                    OR EXISTS (SELECT 1 FROM booking e WHERE e.booking_id = n.booking_id AND e.pay_period < ?)
                    OR EXISTS (SELECT 1 FROM credit c WHERE c.booking_id = n.booking_id AND c.pay_period >= ?
                        AND c.pay_period < ?))
                LIMIT 1
                """, Integer.class, key, period.start(), key, yearStart(period), key).isEmpty();
    }

    /**
     * The rep's bookings that arrived in this period for an earlier, locked one: a late booking (dated
     * before the period, first delivered now), a correction (delivered before and again now), or a
     * booking of theirs now delivered again credited to someone else.
     */
    private List<LateCorrection.Item> lateCorrections(String repId, PayPeriod period) {
        String key = period.toString();
        Map<String, LateCorrection.Item> items = new TreeMap<>();
        named.getJdbcTemplate().query("""
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
                    ? new LateCorrection.Item(id, calendar.schedule().containing(booked).id(), "booked late, on " + booked)
                    : new LateCorrection.Item(id, earlier, "corrected (replaces the delivery of " + earlier + ")"));
        }, key, repId, key, period.start(), key);
        named.getJdbcTemplate().query("""
                SELECT DISTINCT c.booking_id, c.pay_period FROM credit c
                WHERE c.rep_id = ? AND c.pay_period >= ? AND c.pay_period < ?
                AND EXISTS (SELECT 1 FROM booking n WHERE n.booking_id = c.booking_id AND n.pay_period = ?)
                AND NOT EXISTS (SELECT 1 FROM credit n WHERE n.booking_id = c.booking_id AND n.pay_period = ?
                    AND n.rep_id = c.rep_id)
                """, rs -> {
            String id = rs.getString(1);
            items.putIfAbsent(id, new LateCorrection.Item(id, rs.getString(2),
                    "corrected: no longer credited to this rep"));
        }, repId, yearStart(period), key, key, key);
        return List.copyOf(items.values());
    }

    /**
     * The history of each of the reps, in one query per kind of figure for them all.
     *
     * @param payCurrency  each rep's pay currency in the period, into which usage is converted at each
     *                     month's rate
     * @param lateBookings whether the period has any late booking ({@link #anyLateBookings}): without,
     *                     no rep's late corrections are looked for
     * @param rates        the period's rates by month, shared by the reps of a step
     */
    public Map<String, RepHistory> histories(List<String> repIds, PayPeriod period, Function<String, String> payCurrency,
            boolean lateBookings, Map<YearMonth, FxConversion> rates) {
        Map<String, Object> reps = Map.of("reps", repIds, "period", period.toString(), "yearStart", yearStart(period));
        Map<String, Map<String, RepHistory.HistoricDeal>> deals = yearDeals(repIds, period, period.id(), Set.of());
        // an earlier year's deal cancelled this period: needed for its clawback
        named.query("SELECT " + DEAL_COLUMNS + """
                FROM cancellation x
                JOIN credit c ON c.booking_id = x.booking_id
                JOIN booking b ON b.pay_period = c.pay_period AND b.booking_id = c.booking_id
                WHERE x.pay_period = :period AND c.rep_id IN (:reps) AND c.pay_period < :yearStart
                ORDER BY c.rep_id, c.pay_period
                """, reps, dealRow()).forEach(d -> deals.computeIfAbsent(d.getKey(), r -> new LinkedHashMap<>())
                .putIfAbsent(d.getValue().deal().bookingId(), d.getValue()));

        Map<String, Map<String, LocalDate>> cancellations = new HashMap<>();
        named.query("""
                SELECT DISTINCT c.rep_id, x.booking_id, x.cancelled_on FROM cancellation x
                JOIN credit c ON c.booking_id = x.booking_id WHERE x.pay_period = :period AND c.rep_id IN (:reps)
                """, reps, rs -> {
            cancellations.computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                    .put(rs.getString(2), rs.getObject(3, LocalDate.class));
        });
        Map<String, Map<String, RepPeriodInput.PaidCommission>> paid = commissionPaid(cancellations, period.toString());

        Map<String, Set<String>> bonuses = new HashMap<>();
        named.query("""
                SELECT DISTINCT rep_id, reference FROM pay_line WHERE rep_id IN (:reps)
                AND earning_code IN ('BONUS', 'TEAM_POOL') AND pay_period >= :yearStart AND pay_period < :period
                AND reference IS NOT NULL
                """, reps, rs -> {
            bonuses.computeIfAbsent(rs.getString(1), r -> new HashSet<>()).add(rs.getString(2));
        });

        Map<String, Map<String, Map<String, BigDecimal>>> activities = new HashMap<>();
        Map<String, Map<String, Map<String, BigDecimal>>> poolPoints = new HashMap<>();
        Map<String, Map<String, Map<String, BigDecimal>>> metricValues = metricValues(reps, activities, poolPoints);
        Map<String, Ledger> ledgers = priorLedgers(reps);
        Map<String, List<AccountUsage>> usageOf = usage.ofReps(repIds, period, payCurrency, rates);
        Map<String, List<PayLine>> adjustments = adjustments(reps);
        Map<String, RepHistory> histories = new HashMap<>();
        for (String repId : repIds) {
            List<LateCorrection.Item> late = lateBookings ? lateCorrections(repId, period) : List.of();
            List<RepHistory.HistoricDeal> withoutLate = late.isEmpty() ? List.of() : List.copyOf(yearDeals(
                    List.of(repId), period, calendar.schedule().previous(period).id(), late.stream().map(LateCorrection.Item::bookingId)
                            .collect(Collectors.toSet())).getOrDefault(repId, Map.of()).values());
            histories.put(repId, new RepHistory(List.copyOf(deals.getOrDefault(repId, Map.of()).values()),
                    metricValues.getOrDefault(repId, Map.of()), cancellations.getOrDefault(repId, Map.of()),
                    paid.getOrDefault(repId, Map.of()), bonuses.getOrDefault(repId, Set.of()),
                    ledgers.getOrDefault(repId, Ledger.start(Currency.getInstance(payCurrency.apply(repId)))),
                    usageOf.getOrDefault(repId, List.of()), activities.getOrDefault(repId, Map.of()),
                    adjustments.getOrDefault(repId, List.of()), late, withoutLate,
                    poolPoints.getOrDefault(repId, Map.of())));
        }
        return histories;
    }

    /**
     * The commission each cancelled booking earned the rep when it was last paid, before the period:
     * the transaction lines of the latest earlier close that has any for it.
     */
    private Map<String, Map<String, RepPeriodInput.PaidCommission>> commissionPaid(
            Map<String, Map<String, LocalDate>> cancellations, String period) {
        Map<String, Map<String, RepPeriodInput.PaidCommission>> paid = new HashMap<>();
        if (cancellations.isEmpty()) {
            return paid;
        }
        Set<String> bookings = new HashSet<>();
        cancellations.values().forEach(c -> bookings.addAll(c.keySet()));
        named.query("""
                SELECT e.rep_id, e.source_id, SUM(e.amount), MIN(e.source_period), MIN(e.currency) FROM earning_line e
                WHERE e.rep_id IN (:reps) AND e.source_id IN (:bookings) AND e.line_kind = 'TRANSACTION'
                AND e.pay_period = (SELECT MAX(m.pay_period) FROM earning_line m WHERE m.rep_id = e.rep_id
                    AND m.source_id = e.source_id AND m.line_kind = 'TRANSACTION' AND m.pay_period < :period)
                GROUP BY e.rep_id, e.source_id
                """, Map.of("reps", List.copyOf(cancellations.keySet()), "bookings", List.copyOf(bookings),
                "period", period), rs -> {
            String repId = rs.getString(1);
            String bookingId = rs.getString(2);
            // every rep's cancellations are asked for at once: keep only the rep's own
            if (rs.getBigDecimal(3) != null && cancellations.get(repId).containsKey(bookingId)) {
                paid.computeIfAbsent(repId, r -> new HashMap<>())
                        .put(bookingId, new RepPeriodInput.PaidCommission(money(rs, 3, 5), rs.getString(4)));
            }
        });
        return paid;
    }

    /**
     * Each rep's figures of the year by window key: a KPI or MBO score under the period it measures
     * (the latest delivery wins); activities summed into their month, quarter and year to date, in
     * total and, into {@code activities}, by type. Pool points go into {@code poolPoints} by team (kept as
     * the row's detail) and period.
     */
    private Map<String, Map<String, Map<String, BigDecimal>>> metricValues(Map<String, Object> reps,
            Map<String, Map<String, Map<String, BigDecimal>>> activities,
            Map<String, Map<String, Map<String, BigDecimal>>> poolPoints) {
        Map<String, Map<String, Map<String, BigDecimal>>> values = new HashMap<>();
        FiscalYear fiscal = calendar.fiscalYear();
        named.query("""
                SELECT rep_id, source_file, figure_period, metric, figure_value, detail FROM rep_figure
                WHERE rep_id IN (:reps) AND pay_period BETWEEN :yearStart AND :period
                ORDER BY rep_id, pay_period, source_file, source_id
                """, reps, rs -> {
            String repId = rs.getString(1);
            String figurePeriod = rs.getString(3);
            String metric = rs.getString(4);
            BigDecimal value = rs.getBigDecimal(5);
            if (rs.getString(2).equals(TeamPoolShare.POINTS_FILE)) {
                poolPoints.computeIfAbsent(repId, r -> new HashMap<>()).computeIfAbsent(rs.getString(6),
                        team -> new HashMap<>()).put(figurePeriod, value);
                return;
            }
            Map<String, Map<String, BigDecimal>> repValues = values.computeIfAbsent(repId, r -> new HashMap<>());
            if (rs.getString(2).equals("activities.csv")) {
                Map<String, Map<String, BigDecimal>> repActivities = activities.computeIfAbsent(repId,
                        r -> new HashMap<>());
                YearMonth month = YearMonth.parse(figurePeriod);
                for (String window : List.of(figurePeriod, fiscal.quarterKey(month), fiscal.name(month))) {
                    repValues.computeIfAbsent(window, k -> new HashMap<>()).merge(metric, value, BigDecimal::add);
                    repActivities.computeIfAbsent(window, k -> new HashMap<>()).merge(rs.getString(6), value,
                            BigDecimal::add);
                }
            } else {
                repValues.computeIfAbsent(figurePeriod, k -> new HashMap<>()).put(metric, value);
            }
        });
        return values;
    }

    /** Each rep's manual adjustments of the period, as pay lines naming the id, reason and approver. */
    private Map<String, List<PayLine>> adjustments(Map<String, Object> reps) {
        Map<String, List<PayLine>> lines = new HashMap<>();
        named.query("""
                SELECT rep_id, adjustment_id, amount, reason, approved_by, currency FROM adjustment
                WHERE pay_period = :period AND rep_id IN (:reps) ORDER BY rep_id, adjustment_id
                """, reps, rs -> {
            lines.computeIfAbsent(rs.getString(1), r -> new java.util.ArrayList<>()).add(new PayLine(
                    EarningCode.ADJUSTMENT, money(rs, 3, 6), (AdjustmentApproval.isInquiryAdjustment(rs.getString(2))
                    ? "" : "adjustment " + rs.getString(2) + ": ") // an inquiry's names the inquiry itself
                    + rs.getString(4) + " (approved by " + rs.getString(5) + ")", "adjustment:" + rs.getString(2)));
        });
        return lines;
    }

    /**
     * The ledger each rep's last close of the plan year left; a new plan year starts from zero. What was
     * paid as ACCELERATOR to date is not stored there: it is the sum of the earlier periods' ACCELERATOR
     * pay lines.
     */
    private Map<String, Ledger> priorLedgers(Map<String, Object> reps) {
        Map<String, Money> accelerator = new HashMap<>();
        named.query("""
                SELECT rep_id, SUM(amount), currency FROM pay_line WHERE rep_id IN (:reps)
                AND earning_code = 'ACCELERATOR' AND pay_period >= :yearStart AND pay_period < :period
                GROUP BY rep_id, currency
                """, reps, rs -> {
            accelerator.put(rs.getString(1), money(rs, 2, 3));
        });
        Map<String, Ledger> ledgers = new HashMap<>();
        named.query("""
                SELECT rep_id, paid_to_date, period_caps_to_date, held_back, draw_balance, clawback_balance, currency
                FROM rep_ledger WHERE rep_id IN (:reps) AND pay_period >= :yearStart AND pay_period < :period
                ORDER BY rep_id, pay_period DESC
                """, reps, rs -> {
            Money paid = money(rs, 2, 7);
            ledgers.putIfAbsent(rs.getString(1), new Ledger(paid, money(rs, 3, 7), money(rs, 4, 7),
                    money(rs, 5, 7), money(rs, 6, 7), accelerator.getOrDefault(rs.getString(1),
                    Money.zero(paid.currency()))));
        });
        return ledgers;
    }

    /** An amount column read back in the currency its row names. */
    private static Money money(ResultSet rs, int amount, int currency) throws SQLException {
        return Money.stored(rs.getBigDecimal(amount), rs.getString(currency));
    }

    /** The plan year's first month, as pay_period holds it: YYYY-MM compares in time order. */
    private String yearStart(PayPeriod period) {
        return calendar.fiscalYear().start(period.month()).toString();
    }
}
