package io.compclose.core.crediting;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.compclose.core.input.Booking;
import io.compclose.core.money.Money;

/**
 * What a crediting rule's condition reads: {@code type == 'RENEWAL' && acv > 50000}. Text and numbers
 * (the ACV as the number {@code acv} and the code {@code currency}), so conditions compare with literals.
 */
public record BookingFacts(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
        Money annualValue, String ownerRepId, String sourcedByRepId, String bundleId, int termMonths) {

    static BookingFacts of(Booking b) {
        return new BookingFacts(b.bookingId(), b.bookedOn(), b.accountId(), b.type().name(), b.product(), b.acv(),
                b.ownerRepId(), b.sourcedByRepId(), b.bundleId(), b.termMonths());
    }

    public BigDecimal acv() {
        return annualValue.amount();
    }

    public String currency() {
        return annualValue.currencyCode();
    }
}
