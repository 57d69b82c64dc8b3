package io.compclose.core.crediting;

import java.math.BigDecimal;

/** A booking no rule credits: it is not paid, and finance sees it with the reason. */
public record CreditException(String bookingId, BigDecimal amount, String currency, String reason) {
}
