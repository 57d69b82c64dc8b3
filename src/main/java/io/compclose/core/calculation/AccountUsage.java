package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import io.compclose.core.plan.Metric;
import io.compclose.core.money.Money;

/**
 * Billed usage of one account credited to a rep (its CSM, renewal rep or owner in account_owners):
 * the account's revenue by month in its billing currency, including the three months before the
 * plan year that its first month's baseline needs, and for each month the rep is credited with, the rate into
 * the rep's pay currency (1 when the currencies match).
 */
public record AccountUsage(String accountId, String currency, String payCurrency,
        Map<YearMonth, BigDecimal> revenueByMonth, Map<YearMonth, BigDecimal> rateByCreditedMonth) {

    /** A credited month's revenue and baseline, in the pay currency. */
    record Month(BigDecimal revenue, BigDecimal baseline) {
    }

    public AccountUsage {
        revenueByMonth = Map.copyOf(revenueByMonth);
        rateByCreditedMonth = Map.copyOf(rateByCreditedMonth);
    }

    /**
     * What one credited month adds to a usage metric, in the pay currency: its billed revenue, or its
     * growth over the trailing three-month baseline (never negative). The note shows the arithmetic.
     */
    Optional<CreditedTransaction> transaction(Metric.Kind metric, YearMonth month) {
        BigDecimal rate = rateByCreditedMonth.get(month);
        BigDecimal revenue = revenueByMonth.getOrDefault(month, BigDecimal.ZERO);
        if (rate == null) {
            return Optional.empty();
        }
        BigDecimal value;
        String measured;
        if (metric == Metric.Kind.USAGE_REVENUE) {
            if (revenue.signum() == 0) {
                return Optional.empty();
            }
            value = revenue;
            measured = "usage " + month + " " + plain(revenue);
        } else {
            BigDecimal baseline = UsageGrowth.baseline(revenueByMonth, month, currency);
            if (revenue.signum() == 0 && baseline.signum() == 0) {
                return Optional.empty();
            }
            value = UsageGrowth.growth(revenueByMonth, month, currency);
            measured = "usage " + month + " " + plain(revenue) + " − baseline " + plain(baseline) + " (average of "
                    + month.minusMonths(3) + " to " + month.minusMonths(1) + ") = growth " + plain(value);
        }
        BigDecimal converted = Money.of(value.multiply(rate), payCurrency).rounded().amount();
        String note = currency.equals(payCurrency) ? currency + " " + measured
                : currency + " " + measured + " × " + rate.toPlainString() + " = " + payCurrency + " "
                        + converted.toPlainString();
        return Optional.of(new CreditedTransaction(accountId, month.atEndOfMonth(), converted, BigDecimal.ONE, note));
    }

    /** The month's revenue and baseline in the pay currency, for a growth milestone; empty if not credited. */
    Optional<Month> credited(YearMonth month) {
        BigDecimal rate = rateByCreditedMonth.get(month);
        if (rate == null) {
            return Optional.empty();
        }
        return Optional.of(new Month(revenueByMonth.getOrDefault(month, BigDecimal.ZERO).multiply(rate),
                UsageGrowth.baseline(revenueByMonth, month, currency).multiply(rate)));
    }

    private String plain(BigDecimal amount) {
        return Money.of(amount, currency).rounded().amount().toPlainString();
    }
}
