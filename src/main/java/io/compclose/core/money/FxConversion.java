package io.compclose.core.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Converts at one period's rates, given as units of the base currency per unit of each currency
 * (fx_rates.csv's rate_to_usd). The cross rate is rounded to 12 significant digits first and the
 * amount converted at exactly that rate, half-even to the cent, so the printed rate reproduces
 * the printed amount (jobs/plans.md, "Rounding"). Both amounts are kept: the original and the converted.
 */
public record FxConversion(String base, Map<String, BigDecimal> rateToBase, String ratePeriod) {

    private static final MathContext RATE = new MathContext(12, RoundingMode.HALF_EVEN);

    public FxConversion {
        rateToBase = Map.copyOf(rateToBase);
    }

    /** Rates of a month that goes unnamed in messages. */
    public FxConversion(String base, Map<String, BigDecimal> rateToBase) {
        this(base, rateToBase, null);
    }

    /** A conversion the month's rates cannot make: it names the pair, so the caller can name what needed it. */
    public static final class MissingRateException extends IllegalArgumentException {

        private final String from;
        private final String to;

        MissingRateException(String message, String from, String to) {
            super(message);
            this.from = from;
            this.to = to;
        }

        public String from() {
            return from;
        }

        public String to() {
            return to;
        }
    }

    public record Converted(Money original, Money converted, BigDecimal rate) {
    }

    public Converted convert(Money amount, String to) {
        BigDecimal rate = rate(amount.currencyCode(), to);
        return new Converted(amount, Money.of(amount.amount().multiply(rate), to).rounded(), rate);
    }

    /** Units of {@code to} per unit of {@code from}; exactly 1 for the same currency. */
    public BigDecimal rate(String from, String to) {
        if (from.equals(to)) {
            return BigDecimal.ONE;
        }
        if (ratePeriod != null && (!knows(from) || !knows(to))) {
            throw new MissingRateException("no FX rate " + from + "->" + to + " for " + ratePeriod, from, to);
        }
        return toBase(from).divide(toBase(to), RATE).stripTrailingZeros();
    }

    /** Whether the period has what converting {@code currency} needs. */
    public boolean knows(String currency) {
        return currency.equals(base) || rateToBase.containsKey(currency);
    }

    private BigDecimal toBase(String currency) {
        if (currency.equals(base)) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = rateToBase.get(currency);
        if (rate == null) {
            throw new MissingRateException("no FX rate for " + currency + " in this period", currency, base);
        }
        return rate;
    }
}
