package io.compclose.core.calculation;

import java.math.BigDecimal;

import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.RateTable;

/**
 * What a component needs for one measurement window: its quota and share of target incentive for
 * that window, how it pays, and its rate table (or payout curve).
 */
public record ComponentTerms(String id, PayMethod pay, BigDecimal quota, BigDecimal targetIncentive,
        BigDecimal weight, RateTable table) {
}
