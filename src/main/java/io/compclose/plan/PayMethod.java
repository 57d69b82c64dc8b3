package io.compclose.plan;

/** How a component turns credit into pay. */
public enum PayMethod {
    /** One rate on every credited amount, no bands. */
    FLAT_RATE
}
