package io.compclose.core.input;

/** The kinds of closed-won booking the CRM sends. */
public enum BookingType {
    NEW, UPSELL, CROSS_SELL, RENEWAL
}
