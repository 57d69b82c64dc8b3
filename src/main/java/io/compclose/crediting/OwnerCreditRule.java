package io.compclose.crediting;

import java.math.BigDecimal;
import java.util.List;

import io.compclose.intake.Booking;
import io.compclose.intake.RepAssignment;
import io.compclose.intake.Roster;
import io.compclose.money.FxConversion;
import io.compclose.money.Money;

/**
 * The default crediting rule: the booking's owner gets 100 % of its ACV, under their plan of that
 * day, converted into their pay currency at the period's rate when the booking is in another one.
 */
public final class OwnerCreditRule {

    public static final String NAME = "owner-100";

    private final Roster roster;
    private final FxConversion rates;

    public OwnerCreditRule(Roster roster, FxConversion rates) {
        this.roster = roster;
        this.rates = rates;
    }

    public List<Credit> credit(Booking booking) {
        // intake accepted the booking only with an assignment on its date and the rates it needs,
        // so their absence here is a defect
        RepAssignment owner = roster.activeOn(booking.ownerRepId(), booking.bookedOn()).orElseThrow(() ->
                new IllegalStateException("rep " + booking.ownerRepId() + " has no assignment on "
                        + booking.bookedOn()));
        FxConversion.Converted acv = rates.convert(Money.of(booking.acv(), booking.currency()),
                owner.payCurrency());
        return List.of(new Credit(booking.bookingId(), booking.ownerRepId(), BigDecimal.ONE,
                acv.converted().amount(), owner.payCurrency(), NAME, owner.planId(), booking.acv(),
                booking.currency(), acv.rate()));
    }
}
