package io.compclose.crediting;

import java.math.BigDecimal;
import java.util.List;

import io.compclose.intake.Booking;
import io.compclose.intake.Roster;

/** The default crediting rule: the booking's owner gets 100 % of its ACV, under their plan of that day. */
public final class OwnerCreditRule {

    public static final String NAME = "owner-100";

    private final Roster roster;

    public OwnerCreditRule(Roster roster) {
        this.roster = roster;
    }

    public List<Credit> credit(Booking booking) {
        // intake accepted the booking only with an assignment on its date, so its absence is a defect
        String planId = roster.activeOn(booking.ownerRepId(), booking.bookedOn()).orElseThrow(() ->
                new IllegalStateException("rep " + booking.ownerRepId() + " has no assignment on "
                        + booking.bookedOn())).planId();
        return List.of(new Credit(booking.bookingId(), booking.ownerRepId(), BigDecimal.ONE, booking.acv(),
                booking.currency(), NAME, planId));
    }
}
