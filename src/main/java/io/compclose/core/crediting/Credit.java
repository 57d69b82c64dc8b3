package io.compclose.core.crediting;

import java.math.BigDecimal;

import io.compclose.core.money.Money;

/**
 * A rep's credit for one booking: its share of the booking's value, the amount in the rep's pay currency and
 * the original in the booking's, at {@code fxRate} (1 when they match), the rule that granted it, its kind, its
 * lineage (the source rows behind it) and the plan the rep was on when the deal was booked, which prices this
 * credit for the rest of the plan year. {@code acvPay} and {@code tcvPay} are the booking's whole ACV and TCV
 * (null when not delivered) in the pay currency, converted at the same rate, for plan conditions.
 */
public record Credit(String bookingId, String repId, BigDecimal share, Money amount, String rule, String planId,
        Money originalAmount, BigDecimal fxRate, CreditKind kind, String lineage, Money acvPay, Money tcvPay) {
}
