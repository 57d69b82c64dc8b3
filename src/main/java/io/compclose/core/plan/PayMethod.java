package io.compclose.core.plan;

/** How a component turns credit into pay. */
public enum PayMethod {
    /** A percentage of credited value, from the rate table. */
    RATE_ON_VALUE,
    /** Target incentive × weight × payout curve(attainment): for counts, rates and scores too. */
    TARGET_BY_ATTAINMENT
}
