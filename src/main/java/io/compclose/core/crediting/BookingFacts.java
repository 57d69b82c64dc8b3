package io.compclose.core.crediting;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.compclose.core.input.Booking;
import io.compclose.core.input.DealAttributes;

/**
 * What a crediting rule's condition reads: {@code type == 'RENEWAL' && acv > 50000}. A plain
 * record of text and numbers, so conditions compare with literals and reach nothing else. The booking's
 * optional attributes read as {@code grossMarginPct}, {@code discountPct} and {@code paymentTermsDays},
 * null when not given.
 */
public record BookingFacts(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
        BigDecimal acv, String currency, String ownerRepId, String sourcedByRepId, String bundleId, int termMonths,
        BigDecimal grossMarginPct, BigDecimal discountPct, Integer paymentTermsDays) {

    /** The facts of a booking without the optional attributes. */
    public BookingFacts(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
            BigDecimal acv, String currency, String ownerRepId, String sourcedByRepId, String bundleId,
            int termMonths) {
        this(bookingId, bookedOn, accountId, type, product, acv, currency, ownerRepId, sourcedByRepId, bundleId,
                termMonths, null, null, null);
    }

    static BookingFacts of(Booking b) {
        DealAttributes attributes = b.attributes();
        return new BookingFacts(b.bookingId(), b.bookedOn(), b.accountId(), b.type().name(), b.product(),
                b.acv().amount(), b.currency(), b.ownerRepId(), b.sourcedByRepId(), b.bundleId(), b.termMonths(),
                attributes.grossMarginPct(), attributes.discountPct(), attributes.paymentTermsDays());
    }
}
