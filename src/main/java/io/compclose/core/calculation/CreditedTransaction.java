package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A transaction as a component measures it: its value after the credit share, and the credit
 * multiplier applied to it (product, deal type, bundle). The multiplier changes credit and so
 * attainment; the rate comes from the rate table. The two stay separate on every line.
 * {@code note} says how the value was measured when that is not plain credit (a currency
 * conversion, usage over a baseline), so the rep can recompute it.
 */
public record CreditedTransaction(String sourceId, LocalDate date, BigDecimal value, BigDecimal multiplier,
        String note) {

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
