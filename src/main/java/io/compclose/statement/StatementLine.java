package io.compclose.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One credited booking on a rep's statement.
 *
 * @param creditShare the rep's share of the booking, 0..1
 * @param rate        the plan rate as a fraction, 0.08 = 8 %
 */
public record StatementLine(
        String bookingId,
        LocalDate bookedOn,
        String accountName,
        String type,
        String product,
        BigDecimal acv,
        String currency,
        BigDecimal creditShare,
        BigDecimal credited,
        BigDecimal rate,
        BigDecimal commission) {
}
