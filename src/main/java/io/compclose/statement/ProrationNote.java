package io.compclose.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.compclose.core.calculation.InForce;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.system.Amounts;

/**
 * A component note's words for a prorated plan version ({@link ComponentNote} writes the rest): "quota 1,800,000
 * × 184/365 days = 907,397.26 USD", and how the versions of the year make one attainment together.
 */
final class ProrationNote {

    private ProrationNote() {
    }

    /** Empty when the plan is not prorated, or the component has neither a quota nor a target to prorate. */
    static Optional<String> of(Plan plan, PlanComponent c, InForce inForce) {
        if (plan.proration() == null || inForce == null) {
            return Optional.empty();
        }
        List<String> figures = new ArrayList<>();
        if (c.quota() != null) {
            figures.add("quota " + prorated(plan, c.quota(), inForce));
        }
        if (c.pay() == PayMethod.TARGET_BY_ATTAINMENT && plan.targetIncentive() != null) {
            figures.add("target incentive " + prorated(plan, plan.targetIncentive(), inForce));
        }
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        boolean yearToDate = plan.measurement() == null || plan.measurement() == Measurement.YEAR_TO_DATE;
        String unit = inForce.by().name().toLowerCase(Locale.ROOT);
        return Optional.of("prorated by " + unit + " in force: " + String.join(", ", figures)
                + (yearToDate ? "" : " (each window by its own " + unit + " in force)")
                + "; " + (yearToDate ? "the year's" : "each window's") + " attainment is the credit of every "
                + "version of the plan ÷ the sum of their prorated quotas");
    }

    /** "1,800,000 × 184/365 days = 907,397.26 USD" */
    private static String prorated(Plan plan, BigDecimal annual, InForce inForce) {
        return ComponentNote.amount(annual) + " × " + inForce.fraction() + " = "
                + Amounts.format(inForce.share(annual), plan.currency()) + " " + plan.currency();
    }
}
