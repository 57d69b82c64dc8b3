package io.compclose.intake;

import io.compclose.core.input.BilledUsage;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.function.Predicate;

/**
 * Validates usage.csv rows: revenue and quantity not negative, a usage month not after the pay
 * period and at most 24 months before it (the longest baseline a usage plan looks back on), and
 * for the pay period's own month an FX rate, since only that month's revenue is paid on now.
 * Earlier months are baseline history and were converted when they were closed.
 *
 * @param acceptedById        usage accepted so far in this pay period by usage id; grows as rows pass
 * @param rateKnownThisPeriod true for the base currency and for currencies fx_rates.csv prices in the period
 */
public record UsageValidator(YearMonth period, AcceptedRows<BilledUsage> acceptedById,
        Predicate<String> rateKnownThisPeriod) {

    private static final int BASELINE_MONTHS = 24;

    public IntakeItem<BilledUsage> validate(CsvRow row) {
        return IntakeItem.keyed(row, "usage_id", acceptedById, r -> {
            String id = r.text("usage_id");
            String account = r.text("account_id");
            String product = r.text("product");
            java.time.YearMonth month = r.month("usage_month");
            java.math.BigDecimal quantity = r.optionalDecimal("quantity", 6);
            String unit = r.optionalText("unit");
            return new BilledUsage(id, account, product, month, quantity, unit,
                    r.money("revenue", r.currency("currency")), r.line());
        }, this::check);
    }

    private void check(BilledUsage usage) {
        if (usage.revenue().amount().signum() < 0) {
            throw new RowRejectedException("revenue", "must not be negative (credit notes belong in adjustments.csv)",
                    usage.revenue().amount().toPlainString());
        }
        BigDecimal quantity = usage.quantity();
        if (quantity != null && quantity.signum() < 0) {
            throw new RowRejectedException("quantity", "must not be negative", quantity.toPlainString());
        }
        YearMonth month = usage.usageMonth();
        if (month.isAfter(period)) {
            throw new RowRejectedException("usage_month", "after the pay period " + period, month.toString());
        }
        if (month.isBefore(period.minusMonths(BASELINE_MONTHS))) {
            throw new RowRejectedException("usage_month", "more than " + BASELINE_MONTHS
                    + " months before the pay period " + period, month.toString());
        }
        if (month.equals(period) && !rateKnownThisPeriod.test(usage.currency())) {
            throw new RowRejectedException("currency", "no FX rate for " + usage.currency() + " in " + period
                    + " (fx_rates.csv)", usage.currency());
        }
    }
}
