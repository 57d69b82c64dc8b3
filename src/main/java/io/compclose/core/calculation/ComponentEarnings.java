package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import io.compclose.core.money.Money;

/**
 * A component's result over its window: credit, the quota it is measured against (null without
 * one), attainment, and the lines that make earned-to-date, in the pay currency.
 */
public record ComponentEarnings(String componentId, BigDecimal creditToDate, BigDecimal quota, BigDecimal attainment,
        List<ComponentLine> lines, Currency currency) {

    public ComponentEarnings {
        lines = List.copyOf(lines);
    }

    /** The sum of the rounded lines: exactly what the statement adds up. */
    public Money earnedToDate() {
        return lines.stream().map(ComponentLine::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** The part of {@link #earnedToDate()} earned above quota at accelerator rates. */
    public Money acceleratorToDate() {
        return lines.stream().map(ComponentLine::accelerator).reduce(Money.zero(currency), Money::plus);
    }

    public List<ComponentLine> linesOf(YearMonth period) {
        return lines.stream().filter(l -> l.period().equals(period)).toList();
    }
}
