package io.compclose.core.input;

import java.math.BigDecimal;

/**
 * The optional figures of a booking ({@link DealAttribute}), each null when the booking does not carry it.
 * Percents are kept without trailing zeros, so that 20 and 20.00 delivered again are the same booking.
 */
public record DealAttributes(BigDecimal grossMarginPct, BigDecimal discountPct, Integer paymentTermsDays) {

    /** A booking without any: what every booking was before bookings.csv had the columns. */
    public static final DealAttributes NONE = new DealAttributes(null, null, null);

    public DealAttributes {
        grossMarginPct = plain(grossMarginPct);
        discountPct = plain(discountPct);
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped; // 100, not 1E+2
    }
}
