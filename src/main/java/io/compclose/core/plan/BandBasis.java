package io.compclose.core.plan;

/** What a rate table's band bounds measure. */
public enum BandBasis {
    /** Fractions of quota: 0.5 is half of quota. Plans measured against a quota use this. */
    ATTAINMENT,
    /** Amounts of credit in the plan currency, for plans without a quota. */
    AMOUNT
}
