package io.compclose.calculation;

import java.math.BigDecimal;

/** A line of a period's pay, with its payroll earning code and the reason in words. */
public record PayLine(EarningCode code, BigDecimal amount, String why) {
}
