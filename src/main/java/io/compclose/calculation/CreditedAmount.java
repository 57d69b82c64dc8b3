package io.compclose.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A credit as the calculation sees it: whose, for which booking, on which day, how much. */
public record CreditedAmount(String repId, String bookingId, LocalDate bookedOn, BigDecimal share,
        BigDecimal amount, String currency) {
}
