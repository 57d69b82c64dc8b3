package io.compclose.core.input;

import java.math.BigDecimal;

/**
 * One row of fx_rates.csv (columns currency, rate_to_usd, period): how many units of the base
 * currency one unit of {@code currency} was worth in the month {@code ratePeriod}. Usage revenue
 * in other currencies is converted with it, so a rate once used in a close must never change.
 *
 * @param ratePeriod the month the rate holds for, {@code YYYY-MM}
 * @param rateToBase units of the base currency per one unit of {@code currency}
 */
public record FxRate(String currency, String ratePeriod, BigDecimal rateToBase, long line)
        implements KeyedRow<FxRate> {

    /** Same rate re-delivered: everything but the line it came on is equal, 1.08 and 1.080 alike. */
    @Override
    public boolean sameContentAs(FxRate other) {
        return currency.equals(other.currency) && ratePeriod.equals(other.ratePeriod)
                && rateToBase.compareTo(other.rateToBase) == 0;
    }

    /** A file holds one rate per currency and month. */
    @Override
    public String key() {
        return currency + "|" + ratePeriod;
    }
}
