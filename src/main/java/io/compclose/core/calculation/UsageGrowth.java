package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.Map;

import io.compclose.core.money.Money;

/**
 * Consumption growth of one account over its baseline, the trailing three-month average of billed
 * usage before the month. Maintaining volume earns nothing; only growth above the baseline counts.
 */
public final class UsageGrowth {

    private UsageGrowth() {
    }

    /**
     * The trailing three-month average before {@code month}, rounded half-even to the billing currency's
     * minor unit so the rep can recompute the growth from the figures printed; no usage counts as zero.
     */
    public static BigDecimal baseline(Map<YearMonth, BigDecimal> revenueByMonth, YearMonth month, String currency) {
        BigDecimal total = BigDecimal.ZERO;
        for (int back = 1; back <= 3; back++) {
            total = total.add(revenueByMonth.getOrDefault(month.minusMonths(back), BigDecimal.ZERO));
        }
        return Money.of(total.divide(BigDecimal.valueOf(3), MathContext.DECIMAL64), currency).rounded().amount();
    }

    /** Revenue of the month above its baseline, never negative. */
    public static BigDecimal growth(Map<YearMonth, BigDecimal> revenueByMonth, YearMonth month, String currency) {
        BigDecimal revenue = revenueByMonth.getOrDefault(month, BigDecimal.ZERO);
        return revenue.subtract(baseline(revenueByMonth, month, currency)).max(BigDecimal.ZERO);
    }
}
