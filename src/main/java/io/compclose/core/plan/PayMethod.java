package io.compclose.core.plan;

/** How a component turns credit into pay. */
public enum PayMethod {
    /** A percentage of credited value, from the rate table. */
    RATE_ON_VALUE,
    /** Target incentive × weight × payout curve(attainment): for counts, rates and scores too. */
    TARGET_BY_ATTAINMENT,
    /**
     * An amount per unit of a count (a qualified meeting, a new logo): the bands' {@code from}/{@code to} are
     * counts over the measurement window and their {@code rate} an amount in the plan currency per unit.
     */
    PER_UNIT
}
