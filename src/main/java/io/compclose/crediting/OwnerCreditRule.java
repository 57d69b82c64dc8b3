package io.compclose.crediting;

import java.math.BigDecimal;
import java.util.List;

import io.compclose.intake.Booking;

/** The default crediting rule: the booking's owner gets 100 % of its ACV. */
public final class OwnerCreditRule {

    public static final String NAME = "owner-100";

    public List<Credit> credit(Booking booking) {
        return List.of(new Credit(booking.bookingId(), booking.ownerRepId(), BigDecimal.ONE, booking.acv(),
                booking.currency(), NAME));
    }
}
