package io.compclose.core.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A component of a plan: what it measures ({@code metric}, filtered by the {@code when}
 * condition), against which quota, and how it pays.
 *
 * @param weight        share of target incentive, the component weights of a plan sum to 1
 * @param quotaByPeriod quotas per period key ({@code 2026-Q1}, {@code 2026-10}), overriding {@code quota}
 * @param perDealCap    most commission one transaction can earn in this component
 * @param rateFromTarget the flat rate was written {@code from_target}: target incentive × weight ÷ quota
 */
public record PlanComponent(String id, BigDecimal weight, Metric metric, String when, BigDecimal quota,
        Map<String, BigDecimal> quotaByPeriod, List<CreditMultiplier> multipliers, PayMethod pay, RateTable rateTable,
        BigDecimal perDealCap, boolean rateFromTarget) {

    public PlanComponent {
        quotaByPeriod = Map.copyOf(quotaByPeriod);
        multipliers = List.copyOf(multipliers);
    }

    /** A component whose rates are written as numbers. */
    public PlanComponent(String id, BigDecimal weight, Metric metric, String when, BigDecimal quota,
            Map<String, BigDecimal> quotaByPeriod, List<CreditMultiplier> multipliers, PayMethod pay,
            RateTable rateTable, BigDecimal perDealCap) {
        this(id, weight, metric, when, quota, quotaByPeriod, multipliers, pay, rateTable, perDealCap, false);
    }

    /** A component paying one flat rate on booked ACV. */
    public static PlanComponent flat(String id, BigDecimal rate) {
        return new PlanComponent(id, null, Metric.BOOKINGS_ACV, null, null, Map.of(), List.of(),
                PayMethod.RATE_ON_VALUE, RateTable.flat(rate), null);
    }

    /** A single flat rate, no bands, thresholds, multipliers or caps. */
    public boolean isFlatRate() {
        return pay == PayMethod.RATE_ON_VALUE && rateTable.isFlat() && multipliers.isEmpty() && perDealCap == null
                && when == null;
    }

    public BigDecimal flatRate() {
        return rateTable.bands().get(0).rate();
    }
}
