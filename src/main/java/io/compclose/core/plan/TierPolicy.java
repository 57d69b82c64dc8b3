package io.compclose.core.plan;

/** How a rate table prices credit that spans several bands. */
public enum TierPolicy {
    /** Graduated: each band's rate applies only to the credit that falls inside that band. */
    MARGINAL,
    /** Step: the rate of the highest band reached applies to all credit. */
    RETROACTIVE
}
