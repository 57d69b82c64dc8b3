package io.compclose.statement;

import java.math.BigDecimal;

/** A line of what the rep is paid this period: its payroll earning code, the reason, the amount. */
public record StatementPayLine(String code, String why, BigDecimal amount) {
}
