package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * One rep's period: the components as computed over their windows (every line explained), what
 * per-deal caps removed, the settlement of commission by true-up, and the lines outside quota
 * (SPIFFs, bonuses, MBO). {@link #payLines()} is what payroll gets.
 */
public record RepPeriodResult(List<PricedComponent> priced, List<Settlement.CapEffect> dealCaps,
        Settlement settlement, List<PayLine> outsideQuota) {

    public RepPeriodResult {
        priced = List.copyOf(priced);
        dealCaps = List.copyOf(dealCaps);
        outsideQuota = List.copyOf(outsideQuota);
    }

    public List<ComponentEarnings> components() {
        return priced.stream().map(PricedComponent::earnings).toList();
    }

    public List<PayLine> payLines() {
        return Stream.concat(settlement.lines().stream(), outsideQuota.stream()).toList();
    }

    public BigDecimal payout() {
        return payLines().stream().map(PayLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Earned to date before caps: the sum of every component line, which a rep can add up. */
    public BigDecimal earnedToDate() {
        return components().stream().map(ComponentEarnings::earnedToDate).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same period with the part of its commission due to late inputs named as a correction. */
    public RepPeriodResult withLateCorrection(BigDecimal delta, List<LateCorrection.Item> items) {
        List<PayLine> lines = LateCorrection.split(settlement.lines(), delta, items);
        return lines == settlement.lines() ? this : new RepPeriodResult(priced, dealCaps,
                new Settlement(settlement.earnedToDate(), settlement.due(), lines, settlement.caps(),
                        settlement.carriedBalance(), settlement.next()), outsideQuota);
    }

    /** The same period with more lines paid outside quota (a team pool share, manual adjustments). */
    public RepPeriodResult plusOutsideQuota(List<PayLine> lines) {
        return lines.isEmpty() ? this : new RepPeriodResult(priced, dealCaps, settlement,
                Stream.concat(outsideQuota.stream(), lines.stream()).toList());
    }
}
