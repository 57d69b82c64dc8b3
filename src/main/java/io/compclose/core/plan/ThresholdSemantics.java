package io.compclose.core.plan;

/**
 * The two meanings practitioners give to a threshold (gate); sources disagree, so a plan names one.
 */
public enum ThresholdSemantics {
    /** Credit below the threshold never earns; only the credit above it is paid. */
    PAY_ABOVE_ONLY,
    /** Nothing is paid until the threshold is reached; then all credit earns from the first dollar. */
    UNLOCK_FROM_FIRST_DOLLAR
}
