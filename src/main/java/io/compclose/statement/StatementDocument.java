package io.compclose.statement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything printed on one rep's monthly commission statement. The total is carried, not derived,
 * because it is the figure that goes to payroll; the statement must show exactly that figure.
 */
public record StatementDocument(
        YearMonth period,
        String repId,
        String employeeId,
        String repName,
        String role,
        String planId,
        String planName,
        String payCurrency,
        List<StatementLine> lines,
        BigDecimal totalCommission,
        String calculationNote) {

    public StatementDocument {
        lines = List.copyOf(lines);
    }

    public BigDecimal totalCredited() {
        return lines.stream()
                .map(StatementLine::credited)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int bookingCount() {
        return lines.size();
    }
}
