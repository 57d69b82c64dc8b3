package io.compclose.plan;

import java.math.BigDecimal;

/** A half-open band {@code [from, to)} of a rate table; {@code to} is null for the top band. */
public record Band(BigDecimal from, BigDecimal to, BigDecimal rate) {

    public boolean contains(BigDecimal value) {
        return value.compareTo(from) >= 0 && (to == null || value.compareTo(to) < 0);
    }

    public String label() {
        return "[" + from.stripTrailingZeros().toPlainString() + ", "
                + (to == null ? "∞" : to.stripTrailingZeros().toPlainString()) + ")";
    }
}
