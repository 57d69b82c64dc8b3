package io.compclose.core.calculation;

import java.util.List;

import io.compclose.core.money.Money;

/**
 * A line of a period's pay, with its payroll earning code, the reason in words, and what it is
 * about: the booking a clawback or SPIFF names, the bonus or objective paid (null for the
 * period's commission, which the earning lines explain).
 */
public record PayLine(EarningCode code, Money amount, String why, String reference) {

    public PayLine(EarningCode code, Money amount, String why) {
        this(code, amount, why, null);
    }

    /** {@code start} plus the lines' amounts. */
    static Money sum(Money start, List<PayLine> lines) {
        return lines.stream().map(PayLine::amount).reduce(start, Money::plus);
    }
}
