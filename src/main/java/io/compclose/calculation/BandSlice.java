package io.compclose.calculation;

import java.math.BigDecimal;

import io.compclose.plan.Band;

/** The part of a priced quantity that fell in one band, its rate and what it earned (unrounded). */
public record BandSlice(Band band, BigDecimal quantity, BigDecimal rate, BigDecimal amount) {
}
