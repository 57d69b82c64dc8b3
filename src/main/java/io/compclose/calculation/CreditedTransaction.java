package io.compclose.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A transaction as a component measures it: its value after the credit share, and the credit
 * multiplier applied to it (product, deal type, bundle). The multiplier changes credit and so
 * attainment; the rate comes from the rate table. The two stay separate on every line.
 */
public record CreditedTransaction(String sourceId, LocalDate date, BigDecimal value, BigDecimal multiplier) {

    public CreditedTransaction {
        if (multiplier == null) {
            multiplier = BigDecimal.ONE;
        }
    }

    public BigDecimal credit() {
        return value.multiply(multiplier);
    }

    public YearMonth period() {
        return YearMonth.from(date);
    }
}
