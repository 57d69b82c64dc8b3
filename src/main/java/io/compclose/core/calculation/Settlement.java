package io.compclose.core.calculation;

import java.util.List;

import io.compclose.core.money.Money;

/**
 * A period's settlement: the pay lines, what each cap removed, the balance carried when more was
 * paid than earned, and the ledger for the next period.
 *
 * @param earnedToDate   commission earned in the plan year so far, before caps
 * @param due            earned (after caps) minus paid, removed and held so far: this period's commission
 * @param carriedBalance negative {@code due} carried forward, recovered from later earnings (0 if none)
 */
public record Settlement(Money earnedToDate, Money due, List<PayLine> lines, List<CapEffect> caps,
        Money carriedBalance, Ledger next) {

    public Settlement {
        lines = List.copyOf(lines);
        caps = List.copyOf(caps);
    }

    public Money payout() {
        return PayLine.sum(Money.zero(due.currency()), lines);
    }

    /** What one cap removed. */
    public record CapEffect(String cap, Money limit, Money removed) {
    }
}
