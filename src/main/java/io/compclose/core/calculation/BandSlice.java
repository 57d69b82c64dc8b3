package io.compclose.core.calculation;

import java.math.BigDecimal;

import io.compclose.core.plan.Band;

/**
 * The part of a priced quantity that fell in one band, its rate and what it earned (unrounded). In an amount
 * table {@code rate} is the share of the band's amount paid: 1 for a whole amount, 0.5 halfway through an
 * interpolated band.
 */
public record BandSlice(Band band, BigDecimal quantity, BigDecimal rate, BigDecimal amount) {

    /** How the slice was priced, as a line explains it: "at 2 %", "pays 300", "300 × 50 %". */
    String pricedAs() {
        if (band.amount() == null) {
            return "at " + ComponentLine.percent(rate);
        }
        String amount = band.amount().stripTrailingZeros().toPlainString();
        return rate.compareTo(BigDecimal.ONE) == 0 ? "pays " + amount : amount + " × " + ComponentLine.percent(rate);
    }
}
