package io.compclose.calculation;

import io.compclose.core.calculation.AccountUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.core.input.BadInputException;
import io.compclose.core.money.FxConversion;
import io.compclose.core.plan.PayPeriod;
import io.compclose.intake.IntakeRepository;
import io.compclose.system.PayCalendar;

/**
 * Reads the billed usage a rep is credited with: the accounts account_owners gives them on the last
 * day of each month of the year, each account's revenue by month (the latest delivery of every
 * usage row, summed in account_usage, from three months before the year for the baseline), and the rate of each credited
 * month into the rep's pay currency.
 */
@Repository
public class UsageHistoryRepository {

    private final NamedParameterJdbcTemplate named;
    private final IntakeRepository intake;
    private final PayCalendar calendar;

    public UsageHistoryRepository(JdbcTemplate jdbc, IntakeRepository intake, PayCalendar calendar) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.intake = intake;
        this.calendar = calendar;
    }

    private record Ownership(LocalDate from, LocalDate to) {

        boolean ownsAtEndOf(YearMonth month) {
            LocalDate day = month.atEndOfMonth();
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /**
     * The usage credited to each of the reps, in two queries for them all.
     *
     * @param payCurrency each rep's pay currency in the period, into which usage is converted at each month's rate
     * @param rates       the period's rates by month, read once and shared by the reps of a step
     */
    public Map<String, List<AccountUsage>> ofReps(List<String> repIds, PayPeriod period,
            Function<String, String> payCurrency, Map<YearMonth, FxConversion> rates) {
        String key = period.toString();
        Map<String, List<AccountUsage>> usage = new HashMap<>();
        // rep -> account -> the account's ownerships by the rep
        Map<String, Map<String, List<Ownership>>> owned = new HashMap<>();
        named.query("""
                SELECT rep_id, account_id, effective_from, effective_to FROM account_owner
                WHERE pay_period = :period AND rep_id IN (:reps) ORDER BY rep_id, account_id, effective_from
                """, Map.of("period", key, "reps", repIds), rs -> {
            owned.computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), a -> new ArrayList<>())
                    .add(new Ownership(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
        });
        if (owned.isEmpty()) {
            return usage;
        }
        YearMonth yearStart = calendar.fiscalYear().start(period.month());
        // rep -> account -> currency -> month -> revenue
        Map<String, Map<String, Map<String, Map<YearMonth, BigDecimal>>>> revenue = new HashMap<>();
        named.query("""
                SELECT o.rep_id, u.account_id, u.currency, u.usage_month, SUM(u.revenue) FROM account_usage u
                JOIN (SELECT DISTINCT rep_id, account_id FROM account_owner WHERE pay_period = :period
                    AND rep_id IN (:reps)) o ON o.account_id = u.account_id
                WHERE u.usage_month BETWEEN :from AND :period AND u.pay_period <= :period
                GROUP BY o.rep_id, u.account_id, u.currency, u.usage_month
                """, Map.of("period", key, "reps", List.copyOf(owned.keySet()),
                "from", yearStart.minusMonths(3).toString()), rs -> {
            revenue.computeIfAbsent(rs.getString(1), r -> new TreeMap<>())
                    .computeIfAbsent(rs.getString(2), a -> new TreeMap<>())
                    .computeIfAbsent(rs.getString(3), c -> new HashMap<>())
                    .put(YearMonth.parse(rs.getString(4)), rs.getBigDecimal(5));
        });
        revenue.forEach((repId, byAccount) -> usage.put(repId, credited(repId, period, payCurrency.apply(repId),
                owned.get(repId), byAccount, rates)));
        return usage;
    }

    /** Each account's revenue with the rate of every month the rep owns it at the month's end. */
    private List<AccountUsage> credited(String repId, PayPeriod period, String payCurrency,
            Map<String, List<Ownership>> owned, Map<String, Map<String, Map<YearMonth, BigDecimal>>> revenue,
            Map<YearMonth, FxConversion> rates) {
        String key = period.toString();
        YearMonth yearStart = calendar.fiscalYear().start(period.month());
        List<AccountUsage> result = new ArrayList<>();
        revenue.forEach((account, byCurrency) -> byCurrency.forEach((currency, byMonth) -> {
            List<Ownership> ownerships = owned.getOrDefault(account, List.of());
            Map<YearMonth, BigDecimal> rateByMonth = new LinkedHashMap<>();
            for (YearMonth m = yearStart; !m.isAfter(period.month()); m = m.plusMonths(1)) {
                YearMonth month = m;
                if (ownerships.stream().anyMatch(o -> o.ownsAtEndOf(month))) {
                    rateByMonth.put(month, rate(rates, key, month, currency, payCurrency, account, repId));
                }
            }
            if (!rateByMonth.isEmpty()) {
                result.add(new AccountUsage(account, currency, payCurrency, byMonth, rateByMonth));
            }
        }));
        return result;
    }

    private BigDecimal rate(Map<YearMonth, FxConversion> rates, String period, YearMonth month, String from,
            String to, String account, String repId) {
        if (from.equals(to)) {
            return BigDecimal.ONE;
        }
        FxConversion conversion = rates.computeIfAbsent(month, m -> intake.fxRates(period, m.toString()));
        for (String currency : List.of(from, to)) {
            if (!conversion.knows(currency)) {
                throw new BadInputException("fx_rates.csv: no rate for " + currency + " in " + month
                        + ", needed to credit the " + from + " usage of account " + account + " to rep " + repId
                        + " in " + to);
            }
        }
        return conversion.rate(from, to);
    }
}
