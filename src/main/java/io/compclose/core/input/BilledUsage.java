package io.compclose.core.input;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

import io.compclose.core.money.Money;

/**
 * One row of usage.csv: consumption billed to an account for a month. Usage plans pay on the
 * revenue; earlier months are the baseline that growth is measured against.
 *
 * @param quantity the billed quantity, or null when the export has none
 * @param unit     the quantity's unit, or null
 * @param revenue  the billed amount, in the usage's currency
 */
public record BilledUsage(String usageId, String accountId, String product, YearMonth usageMonth,
        BigDecimal quantity, String unit, Money revenue, long line) implements KeyedRow<BilledUsage> {

    public String currency() {
        return revenue.currencyCode();
    }

    @Override
    public String key() {
        return usageId;
    }

    /** Same usage re-delivered: everything but the line it came on is equal, decimals by value. */
    @Override
    public boolean sameContentAs(BilledUsage other) {
        return usageId.equals(other.usageId) && accountId.equals(other.accountId) && product.equals(other.product)
                && usageMonth.equals(other.usageMonth) && sameAmount(quantity, other.quantity)
                && Objects.equals(unit, other.unit) && KeyedRow.sameAmount(revenue, other.revenue);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
