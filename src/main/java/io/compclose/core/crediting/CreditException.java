package io.compclose.core.crediting;

import io.compclose.core.money.Money;

/** A booking no rule credits: it is not paid, and finance sees it with the reason. */
public record CreditException(String bookingId, Money amount, String reason) {
}
