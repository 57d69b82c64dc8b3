package io.compclose.core.input;

import java.math.BigDecimal;
import java.util.Objects;

/** One rep's part of a booking's primary credit, from splits.csv; a booking's parts total 100 %. */
public record Split(String bookingId, String repId, BigDecimal percent, String role, long line)
        implements KeyedRow<Split> {

    @Override
    public String key() {
        return bookingId + "|" + repId;
    }

    /** The part as a fraction of the booking: 60 % is 0.6. */
    public BigDecimal share() {
        return percent.movePointLeft(2);
    }

    /** Same split re-delivered: everything but the line it came on is equal. */
    @Override
    public boolean sameContentAs(Split other) {
        return key().equals(other.key()) && percent.compareTo(other.percent) == 0 && Objects.equals(role, other.role);
    }
}
