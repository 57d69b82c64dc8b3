package io.compclose.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One earning line on a rep's statement: a credited booking, or a line that is not a booking
 * (an account's usage, earlier credit re-priced, target incentive paid by attainment), described
 * in words. A booking's description says how it was measured when that is not plain credit (a
 * currency conversion).
 *
 * @param kind        TRANSACTION, NOT_COUNTED, REPRICING or ATTAINMENT
 * @param creditShare the rep's share of the booking, 0..1
 * @param multiplier  the credit multiplier applied to the share (1 if none)
 * @param rate        the rate earned as a fraction, 0.08 = 8 %
 * @param plan        the plan version that priced the line, as "AE-2026 v1"
 * @param perUnit     the line was paid an amount per unit (pay: PER_UNIT): its rate is that amount, not a fraction
 */
public record StatementLine(String kind, String bookingId, LocalDate bookedOn, String accountName, String type,
        String product, BigDecimal acv, String currency, BigDecimal creditShare, BigDecimal multiplier,
        BigDecimal credited, BigDecimal rate, BigDecimal commission, String description, String plan,
        boolean perUnit) {

    /** A line priced on a booking, with the booking's columns; usage, activity and other lines are described. */
    public boolean isBooking() {
        return bookedOn != null;
    }
}
