package io.compclose.core.plan;

/**
 * What a rate table prices: the credit accumulated over the measurement window, or each transaction on its
 * own (Oracle Incentive Compensation's "transactions processed individually" against a step rate table).
 */
public enum TablePricing {
    /** The window's cumulative credit runs through the bands; a transaction earns what it adds. */
    CUMULATIVE,
    /** Each transaction's own credit runs through the bands from the first band, whatever came before it. */
    PER_TRANSACTION
}
