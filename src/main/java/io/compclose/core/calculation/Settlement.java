package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A period's settlement: the pay lines, what each cap removed, the balance carried when more was
 * paid than earned, and the ledger for the next period.
 *
 * @param earnedToDate   commission earned in the plan year so far, before caps
 * @param due            earned (after caps) minus paid, removed and held so far: this period's commission
 * @param carriedBalance negative {@code due} carried forward, recovered from later earnings (0 if none)
 */
public record Settlement(BigDecimal earnedToDate, BigDecimal due, List<PayLine> lines, List<CapEffect> caps,
        BigDecimal carriedBalance, Ledger next) {

    public Settlement {
        lines = List.copyOf(lines);
        caps = List.copyOf(caps);
    }

    public BigDecimal payout() {
        return lines.stream().map(PayLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What one cap removed. */
    public record CapEffect(String cap, BigDecimal limit, BigDecimal removed) {
    }
}
