package io.compclose.calculation;

import io.compclose.money.Money;
import io.compclose.plan.Plan;
import io.compclose.plan.PlanComponent;

/**
 * Pays a flat rate on credited ACV. The commission of each credit is rounded half-even to the
 * cent; the rep's payout is the sum of those rounded lines, so the statement adds up exactly.
 */
public final class FlatRateCalculator {

    public EarningLine commission(CreditedAmount credit, Plan plan) {
        PlanComponent component = plan.components().get(0);
        Money credited = Money.of(credit.amount(), credit.currency());
        Money commission = credited.times(component.flatRate()).rounded();
        return new EarningLine(credit.repId(), credit.bookingId(), component.id(), EarningCode.COMMISSION,
                plan.id(), plan.version(), credited, component.flatRate(), commission, component.explanation());
    }
}
