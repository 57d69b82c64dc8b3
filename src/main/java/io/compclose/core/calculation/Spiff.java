package io.compclose.core.calculation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import io.compclose.core.money.Money;

/**
 * A time-boxed incentive outside quota: a fixed amount per qualifying deal closed between two
 * dates (inclusive).
 */
public record Spiff(String id, LocalDate from, LocalDate to, Predicate<CreditedDeal> condition,
        Money amountPerDeal) {

    public List<PayLine> pay(List<CreditedDeal> deals) {
        return deals.stream()
                .filter(d -> !d.bookedOn().isBefore(from) && !d.bookedOn().isAfter(to))
                .filter(condition)
                .map(d -> new PayLine(EarningCode.SPIFF, amountPerDeal,
                        "SPIFF " + id + ": " + d.bookingId() + " (" + d.type() + " " + d.product() + ", "
                                + d.bookedOn() + ")", d.bookingId()))
                .toList();
    }
}
