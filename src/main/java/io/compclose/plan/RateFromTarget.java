package io.compclose.plan;

import java.math.BigDecimal;

import io.compclose.core.calculation.TargetRate;
import io.compclose.core.plan.PayMethod;
import io.compclose.system.FieldProblems;

/**
 * {@code rate: from_target}: the flat rate that pays a component's share of the target incentive at quota,
 * target incentive × weight ÷ quota (60,000 × 0.5 ÷ 500,000 = 6 %), from the plan's annual figures. It needs
 * all three written, and is a rate on value: paid by attainment or per unit, a rate is something else.
 */
final class RateFromTarget {

    private static final String NEEDS = " is required with rate: from_target (target incentive × weight ÷ quota)";

    private RateFromTarget() {
    }

    /** The rate, or null when the component cannot have one (each reason is in {@code problems}). */
    static BigDecimal rate(PlanFile.Component written, PayMethod pay, BigDecimal target, boolean aboveOneAllowed,
            FieldProblems problems) {
        if (pay != PayMethod.RATE_ON_VALUE) {
            problems.add("rate", "from_target is a rate on value (target incentive × weight ÷ quota); pay " + pay
                    + " has no use for it");
            return null;
        }
        BigDecimal weight = written.weight();
        BigDecimal quota = written.quota();
        if (target == null) {
            problems.add("rate", "from_target needs target_incentive on the plan");
        }
        if (weight == null) {
            problems.add("weight", NEEDS.substring(1));
        }
        if (quota == null) {
            problems.add("quota", NEEDS.substring(1) + (written.quotaByPeriod() == null ? ""
                    : "; quota_by_period gives no annual quota"));
        }
        // a negative or zero figure is refused at its own field already
        if (target == null || weight == null || quota == null || target.signum() < 0 || weight.signum() < 0
                || quota.signum() <= 0) {
            return null;
        }
        BigDecimal rate = TargetRate.of(target.multiply(weight), quota);
        if (!aboveOneAllowed && rate.compareTo(BigDecimal.ONE) > 0) {
            problems.add("rate", "from_target gives target incentive " + target.toPlainString() + " × weight "
                    + weight.toPlainString() + " ÷ quota " + quota.toPlainString() + " = " + rate.toPlainString()
                    + ", above 1 (100 %); if it is meant, set allow_rate_above_one: true on the plan");
            return null;
        }
        return rate;
    }
}
