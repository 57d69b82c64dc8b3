package io.compclose.core.plan;

import java.math.BigDecimal;

/** A gate at {@code at} (on the rate table's basis) with explicit semantics. */
public record Threshold(BigDecimal at, ThresholdSemantics semantics) {
}
