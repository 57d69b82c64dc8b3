package io.compclose.core.calculation;

import java.util.List;

import io.compclose.core.money.Money;

/**
 * A period's settlement: the pay lines, what each cap removed, the balance carried when more was
 * paid than earned, and the ledger for the next period.
 *
 * @param earnedToDate   commission earned in the plan year so far, before caps
 * @param due            earned (after caps) minus paid, removed and held so far: this period's commission
 * @param lines          the pay lines with the period's commission as one figure, COMMISSION
 * @param carriedBalance negative {@code due} carried forward, recovered from later earnings (0 if none)
 * @param next           the balances the next period starts from; their ACCELERATOR paid to date is set
 *                       here, from what {@code accelerator} pays out of {@code lines}
 * @param accelerator    how {@link #payLines()} splits the accelerator out of the commission
 */
public record Settlement(Money earnedToDate, Money due, List<PayLine> lines, List<CapEffect> caps,
        Money carriedBalance, Ledger next, AcceleratorSplit accelerator) {

    public Settlement {
        lines = List.copyOf(lines);
        caps = List.copyOf(caps);
        next = next.withAcceleratorPaid(accelerator.paidBefore().plus(accelerator.paid(lines)));
    }

    /** What payroll gets: {@link #lines()} with the accelerator paid as ACCELERATOR. */
    public List<PayLine> payLines() {
        return accelerator.apply(lines);
    }

    public Money payout() {
        return PayLine.sum(Money.zero(due.currency()), lines);
    }

    /** The same settlement paying {@code changed} instead of its lines (a late correction names part of them). */
    Settlement withLines(List<PayLine> changed) {
        return new Settlement(earnedToDate, due, changed, caps, carriedBalance, next, accelerator);
    }

    /** What one cap removed. */
    public record CapEffect(String cap, Money limit, Money removed) {
    }
}
