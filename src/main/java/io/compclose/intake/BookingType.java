package io.compclose.intake;

/** The kinds of closed-won booking the CRM sends. */
public enum BookingType {
    NEW, UPSELL, CROSS_SELL, RENEWAL
}
