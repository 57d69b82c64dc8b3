package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A component's result over its window: credit, the quota it is measured against (null without
 * one), attainment, and the lines that make earned-to-date.
 */
public record ComponentEarnings(String componentId, BigDecimal creditToDate, BigDecimal quota, BigDecimal attainment,
        List<ComponentLine> lines) {

    public ComponentEarnings {
        lines = List.copyOf(lines);
    }

    /** The sum of the rounded lines: exactly what the statement adds up. */
    public BigDecimal earnedToDate() {
        return lines.stream().map(ComponentLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<ComponentLine> linesOf(YearMonth period) {
        return lines.stream().filter(l -> l.period().equals(period)).toList();
    }
}
