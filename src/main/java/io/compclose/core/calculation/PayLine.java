package io.compclose.core.calculation;

import java.math.BigDecimal;

/**
 * A line of a period's pay, with its payroll earning code, the reason in words, and what it is
 * about: the booking a clawback or SPIFF names, the bonus or objective paid (null for the
 * period's commission, which the earning lines explain).
 */
public record PayLine(EarningCode code, BigDecimal amount, String why, String reference) {

    public PayLine(EarningCode code, BigDecimal amount, String why) {
        this(code, amount, why, null);
    }
}
