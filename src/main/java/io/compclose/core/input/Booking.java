package io.compclose.core.input;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.compclose.core.money.Money;

/** A closed-won opportunity from the CRM, as accepted by intake. ACV and TCV are in the booking's currency. */
public record Booking(
        String bookingId,
        LocalDate bookedOn,
        String accountId,
        String accountName,
        String ownerRepId,
        BookingType type,
        String product,
        Money acv,
        Money tcv,
        int termMonths,
        String sourcedByRepId,
        String bundleId,
        DealAttributes attributes,
        long line) implements KeyedRow<Booking> {

    public Booking {
        attributes = attributes == null ? DealAttributes.NONE : attributes;
    }

    /** A booking without the optional attributes. */
    public Booking(String bookingId, LocalDate bookedOn, String accountId, String accountName, String ownerRepId,
            BookingType type, String product, Money acv, Money tcv, int termMonths, String sourcedByRepId,
            String bundleId, long line) {
        this(bookingId, bookedOn, accountId, accountName, ownerRepId, type, product, acv, tcv, termMonths,
                sourcedByRepId, bundleId, DealAttributes.NONE, line);
    }

    @Override
    public String key() {
        return bookingId;
    }

    public static final int DEFAULT_TERM_MONTHS = 12;

    public String currency() {
        return acv.currencyCode();
    }

    /** Same booking re-delivered: everything but the line it came on is equal, the attributes too. */
    @Override
    public boolean sameContentAs(Booking other) {
        return withLine(0).equals(other.withLine(0))
                && KeyedRow.sameAmount(acv, other.acv) && KeyedRow.sameAmount(tcv, other.tcv);
    }

    private Booking withLine(long newLine) {
        return new Booking(bookingId, bookedOn, accountId, accountName, ownerRepId, type, product,
                new Money(BigDecimal.ZERO, acv.currency()), null, termMonths, sourcedByRepId, bundleId, attributes,
                newLine);
    }
}
