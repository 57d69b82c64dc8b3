package io.compclose.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.intake.BadInputException;
import io.compclose.intake.IntakeRepository;
import io.compclose.money.FxConversion;

/**
 * Reads the billed usage a rep is credited with: the accounts account_owners gives them on the last
 * day of each month of the year, each account's revenue by month (the latest delivery of every
 * usage row, summed in account_usage, from three months before the year for the baseline), and the rate of each credited
 * month into the rep's pay currency.
 */
@Repository
public class UsageHistoryRepository {

    private final JdbcTemplate jdbc;
    private final IntakeRepository intake;

    public UsageHistoryRepository(JdbcTemplate jdbc, IntakeRepository intake) {
        this.jdbc = jdbc;
        this.intake = intake;
    }

    private record Ownership(String accountId, LocalDate from, LocalDate to) {

        boolean ownsAtEndOf(YearMonth month) {
            LocalDate day = month.atEndOfMonth();
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    public List<AccountUsage> ofRep(String repId, YearMonth period, String payCurrency) {
        String key = period.toString();
        List<Ownership> owned = jdbc.query("""
                SELECT account_id, effective_from, effective_to FROM account_owner WHERE pay_period = ? AND rep_id = ?
                ORDER BY account_id, effective_from
                """, (rs, i) -> new Ownership(rs.getString(1), rs.getObject(2, LocalDate.class),
                rs.getObject(3, LocalDate.class)), key, repId);
        if (owned.isEmpty()) {
            return List.of();
        }
        YearMonth january = YearMonth.of(period.getYear(), 1);
        // account -> currency -> month -> revenue
        Map<String, Map<String, Map<YearMonth, BigDecimal>>> revenue = new TreeMap<>();
        jdbc.query("""
                SELECT u.account_id, u.currency, u.usage_month, SUM(u.revenue) FROM account_usage u
                WHERE u.account_id IN (SELECT o.account_id FROM account_owner o WHERE o.pay_period = ? AND o.rep_id = ?)
                AND u.usage_month BETWEEN ? AND ? AND u.pay_period <= ?
                GROUP BY u.account_id, u.currency, u.usage_month
                """, rs -> {
            revenue.computeIfAbsent(rs.getString(1), a -> new TreeMap<>())
                    .computeIfAbsent(rs.getString(2), c -> new HashMap<>())
                    .put(YearMonth.parse(rs.getString(3)), rs.getBigDecimal(4));
        }, key, repId, january.minusMonths(3).toString(), key, key);

        Map<YearMonth, FxConversion> rates = new HashMap<>();
        List<AccountUsage> result = new ArrayList<>();
        revenue.forEach((account, byCurrency) -> byCurrency.forEach((currency, byMonth) -> {
            Map<YearMonth, BigDecimal> rateByMonth = new LinkedHashMap<>();
            for (YearMonth m = january; !m.isAfter(period); m = m.plusMonths(1)) {
                YearMonth month = m;
                if (owned.stream().anyMatch(o -> o.accountId().equals(account) && o.ownsAtEndOf(month))) {
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
