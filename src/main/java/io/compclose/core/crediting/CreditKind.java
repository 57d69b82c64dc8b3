package io.compclose.core.crediting;

/**
 * What a credit is for, in order of precedence: a rep credited twice on one booking keeps one
 * credit, of the first kind here, so nothing is counted twice. Only PRIMARY shares (owner or
 * splits) total 100 % of a booking; the others are credit on top of it.
 */
public enum CreditKind {
    /** The owner, or the reps of splits.csv. */
    PRIMARY,
    /** An account owner of another role (a CSM or renewal rep) credited on the account's bookings. */
    OVERLAY,
    /** Members of the primary rep's team. */
    TEAM,
    /** Managers above the primary reps in the hierarchy effective on the booking date. */
    ROLLUP,
    /** The SDR or marketing rep who sourced the deal. */
    SOURCED
}
