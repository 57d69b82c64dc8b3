package io.compclose.core.plan;

/** The window over which attainment and bands accumulate. */
public enum Measurement {
    MONTH, QUARTER, YEAR_TO_DATE
}
