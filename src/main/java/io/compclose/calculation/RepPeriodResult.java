package io.compclose.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One rep's period: the components as computed over their windows (every line explained), what
 * per-deal caps removed, the settlement of commission by true-up, and the lines outside quota
 * (SPIFFs, bonuses, MBO). {@link #payLines()} is what payroll gets.
 */
public record RepPeriodResult(List<ComponentEarnings> components, List<Settlement.CapEffect> dealCaps,
        Settlement settlement, List<PayLine> outsideQuota) {

    public RepPeriodResult {
        components = List.copyOf(components);
        dealCaps = List.copyOf(dealCaps);
        outsideQuota = List.copyOf(outsideQuota);
    }

    public List<PayLine> payLines() {
        return java.util.stream.Stream.concat(settlement.lines().stream(), outsideQuota.stream()).toList();
    }

    public BigDecimal payout() {
        return payLines().stream().map(PayLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
