package io.compclose.calculation;

import java.math.BigDecimal;

import io.compclose.plan.RateTable;

/**
 * What a component needs for one measurement window: its quota and share of target incentive for
 * that window, how it pays, and its rate table (or payout curve).
 */
public record ComponentTerms(String id, Pay pay, BigDecimal quota, BigDecimal targetIncentive, BigDecimal weight,
        RateTable table) {

    public enum Pay {
        /** A percentage of credited value, from the rate table. */
        RATE_ON_VALUE,
        /** Target incentive × weight × curve(attainment): for counts, rates and scores too. */
        TARGET_BY_ATTAINMENT
    }
}
