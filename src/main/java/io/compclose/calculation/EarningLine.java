package io.compclose.calculation;

import java.math.BigDecimal;

import io.compclose.money.Money;

/**
 * One computed earning, with everything needed to recompute it: the credit it came from, the
 * plan version and component, the rate applied and the rounded amount.
 */
public record EarningLine(String repId, String bookingId, String componentId, EarningCode code, String planId,
        int planVersion, Money credited, BigDecimal rate, Money amount, String explanation) {
}
