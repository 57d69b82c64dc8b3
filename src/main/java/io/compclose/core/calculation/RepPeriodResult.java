package io.compclose.core.calculation;

import java.util.List;
import java.util.stream.Stream;

import io.compclose.core.money.Money;

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
        return Stream.concat(settlement.payLines().stream(), outsideQuota.stream()).toList();
    }

    public Money payout() {
        return PayLine.sum(settlement.payout(), outsideQuota);
    }

    /** Earned to date before caps: the sum of every component line, which a rep can add up. */
    public Money earnedToDate() {
        return settlement.earnedToDate();
    }

    /** The same period with the part of its commission due to late inputs named as a correction. */
    public RepPeriodResult withLateCorrection(Money delta, List<LateCorrection.Item> items) {
        List<PayLine> lines = LateCorrection.split(settlement.lines(), delta, items);
        return lines == settlement.lines() ? this
                : new RepPeriodResult(priced, dealCaps, settlement.withLines(lines), outsideQuota);
    }

    /** The same period with more lines paid outside quota (a team pool share, manual adjustments). */
    public RepPeriodResult plusOutsideQuota(List<PayLine> lines) {
        return lines.isEmpty() ? this : new RepPeriodResult(priced, dealCaps, settlement,
                Stream.concat(outsideQuota.stream(), lines.stream()).toList());
    }
}
