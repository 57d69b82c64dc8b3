package io.compclose.intake;

import io.compclose.core.input.FxRate;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Validates fx_rates.csv rows: a positive rate for a currency other than the base, for a month
 * not after the pay period. A rate an earlier close already used may be re-stated but not
 * changed: changing it would silently re-price statements that were already paid.
 *
 * @param accepted    rates accepted so far in this pay period by {@link FxRate#key()}; grows as rows pass
 * @param earlierRate (currency, YYYY-MM) to the rate an earlier pay period's delivery holds, if any
 */
public record FxRateValidator(YearMonth period, String baseCurrency, AcceptedRows<FxRate> accepted,
        BiFunction<String, String, Optional<BigDecimal>> earlierRate) {

    public IntakeItem<FxRate> validate(CsvRow row) {
        return IntakeItem.keyed(row, "currency", accepted, r -> new FxRate(r.currency("currency"),
                r.month("period").toString(), r.decimal("rate_to_usd", 10), r.line()), this::check);
    }

    private void check(FxRate rate) {
        String currency = rate.currency();
        if (currency.equals(baseCurrency)) {
            throw new RowRejectedException("currency", "the base currency " + baseCurrency + " needs no rate",
                    currency);
        }
        BigDecimal value = rate.rateToBase();
        if (value.signum() <= 0) {
            throw new RowRejectedException("rate_to_usd", "must be greater than zero", value.toPlainString());
        }
        if (YearMonth.parse(rate.ratePeriod()).isAfter(period)) {
            throw new RowRejectedException("period", "after the pay period " + period, rate.ratePeriod());
        }
        Optional<BigDecimal> used = earlierRate.apply(currency, rate.ratePeriod());
        if (used.isPresent() && used.get().compareTo(value) != 0) {
            throw new RowRejectedException("rate_to_usd", "differs from the rate " + used.get().toPlainString()
                    + " an earlier close used for " + currency + " " + rate.ratePeriod()
                    + "; a rate once used is not changed", value.toPlainString());
        }
    }
}
