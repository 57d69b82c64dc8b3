package io.compclose.core.plan;

import java.math.BigDecimal;

/**
 * A half-open band {@code [from, to)} of a rate table; {@code to} is null for the top band. A band pays a
 * {@code rate}, or in an amount table ({@link RateTable#amounts()}) a fixed {@code amount}, the other null.
 */
public record Band(BigDecimal from, BigDecimal to, BigDecimal rate, BigDecimal amount) {

    /** A band paying a rate. */
    public Band(BigDecimal from, BigDecimal to, BigDecimal rate) {
        this(from, to, rate, null);
    }

    public boolean contains(BigDecimal value) {
        return value.compareTo(from) >= 0 && (to == null || value.compareTo(to) < 0);
    }

    /** The band as a rep reads it: "0–100 % of quota", "100 %+ of quota", "50,000–100,000". */
    public String label(BandBasis basis) {
        if (basis == BandBasis.ATTAINMENT) {
            java.util.function.Function<java.math.BigDecimal, String> pct =
                    b -> b.movePointRight(2).stripTrailingZeros().toPlainString();
            return (to == null ? pct.apply(from) + " %+" : pct.apply(from) + "–" + pct.apply(to) + " %") + " of quota";
        }
        java.text.DecimalFormat amount = new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US));
        return to == null ? amount.format(from) + "+" : amount.format(from) + "–" + amount.format(to);
    }
}
