package io.compclose.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

import io.compclose.money.Money;

/**
 * Converts at the period's rates, given as units of the base currency per unit of each currency
 * (fx_rates.csv's rate_to_usd). Both amounts are kept: the original and the converted, rounded
 * half-even to the target currency's cent.
 */
public record FxConversion(String base, Map<String, BigDecimal> rateToBase) {

    public record Converted(Money original, Money converted, BigDecimal rate) {
    }

    public Converted convert(Money amount, String to) {
        if (amount.currencyCode().equals(to)) {
            return new Converted(amount, amount, BigDecimal.ONE);
        }
        BigDecimal rate = rate(amount.currencyCode()).divide(rate(to), MathContext.DECIMAL128);
        Money converted = Money.of(amount.amount().multiply(rate), to).rounded();
        return new Converted(amount, converted, rate.round(new MathContext(12, RoundingMode.HALF_EVEN)));
    }

    private BigDecimal rate(String currency) {
        if (currency.equals(base)) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = rateToBase.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("no FX rate for " + currency + " in this period");
        }
        return rate;
    }
}
