package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a rate table made of a quantity: the exact (unrounded) amount, the slices that explain it,
 * and whether a threshold withheld anything.
 */
public record Priced(BigDecimal amount, List<BandSlice> slices, boolean belowThreshold) {

    public Priced {
        slices = List.copyOf(slices);
    }

    /** The rate of the highest band that earned, for a one-line explanation. */
    public BigDecimal topRate() {
        return slices.isEmpty() ? BigDecimal.ZERO : slices.get(slices.size() - 1).rate();
    }
}
