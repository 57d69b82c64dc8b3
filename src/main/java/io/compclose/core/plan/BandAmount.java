package io.compclose.core.plan;

/**
 * How the bands of an amount table pay their fixed amount instead of a rate (Oracle Incentive Compensation's
 * amount rate tables, split "nonproportional" or "proportional", the latter also known as interpolated).
 */
public enum BandAmount {
    /** Reaching a band (credit at or above its {@code from}) pays its whole amount. */
    WHOLE,
    /** A band pays its amount pro rata to the part of its width the credit covers. */
    INTERPOLATED
}
