package io.compclose.core.calculation;

import java.math.BigDecimal;

import io.compclose.core.plan.Band;

/** The part of a priced quantity that fell in one band, its rate and what it earned (unrounded). */
public record BandSlice(Band band, BigDecimal quantity, BigDecimal rate, BigDecimal amount) {
}
