package io.compclose.core.reconciliation;

import java.math.BigDecimal;

/** A figure at one hand-off of the close: how many rows and how much, in one currency ('' if none). */
public record ControlTotal(String stage, String currency, long rows, BigDecimal amount) {
}
