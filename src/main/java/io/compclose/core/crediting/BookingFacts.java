package io.compclose.core.crediting;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.compclose.core.input.Booking;

/**
 * What a crediting rule's condition reads: {@code type == 'RENEWAL' && acv > 50000}. A plain
 * record of text and numbers, so conditions compare with literals and reach nothing else.
 */
public record BookingFacts(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
        BigDecimal acv, String currency, String ownerRepId, String sourcedByRepId, String bundleId, int termMonths) {

    static BookingFacts of(Booking b) {
        return new BookingFacts(b.bookingId(), b.bookedOn(), b.accountId(), b.type().name(), b.product(),
                b.acv().amount(), b.currency(), b.ownerRepId(), b.sourcedByRepId(), b.bundleId(), b.termMonths());
    }
}
