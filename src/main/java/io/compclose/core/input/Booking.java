package io.compclose.core.input;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A closed-won opportunity from the CRM, as accepted by intake. Amounts are in {@code currency}. */
public record Booking(
        String bookingId,
        LocalDate bookedOn,
        String accountId,
        String accountName,
        String ownerRepId,
        BookingType type,
        String product,
        BigDecimal acv,
        BigDecimal tcv,
        int termMonths,
        String currency,
        String sourcedByRepId,
        String bundleId,
        long line) implements KeyedRow<Booking> {

    @Override
    public String key() {
        return bookingId;
    }

    public static final int DEFAULT_TERM_MONTHS = 12;

    /** Same booking re-delivered: everything but the line it came on is equal. */
    @Override
    public boolean sameContentAs(Booking other) {
        return withLine(0).equals(other.withLine(0))
                && acv.compareTo(other.acv) == 0
                && (tcv == null ? other.tcv == null : other.tcv != null && tcv.compareTo(other.tcv) == 0);
    }

    private Booking withLine(long newLine) {
        return new Booking(bookingId, bookedOn, accountId, accountName, ownerRepId, type, product, BigDecimal.ZERO,
                BigDecimal.ZERO, termMonths, currency, sourcedByRepId, bundleId, newLine);
    }
}
