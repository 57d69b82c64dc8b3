package io.compclose.statement;

import java.util.Optional;

import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TierPolicy;

/** A component note's words for a rate from target and for pay per unit ({@link ComponentNote} writes the rest). */
final class RateNote {

    private RateNote() {
    }

    /** "rate 6 % = target incentive 60,000 × weight 0.5 ÷ quota 500,000", for a rate written from_target. */
    static Optional<String> fromTarget(Plan plan, PlanComponent c) {
        if (!c.rateFromTarget()) {
            return Optional.empty();
        }
        return Optional.of("rate " + ComponentNote.percent(c.flatRate()) + " = target incentive "
                + ComponentNote.amount(plan.targetIncentive()) + " × weight " + ComponentNote.plain(c.weight())
                + " ÷ quota " + ComponentNote.amount(c.quota()));
    }

    /** "pays 500 USD per unit", or the bands on counts with their amounts per unit. */
    static String perUnit(Plan plan, PlanComponent c) {
        RateTable table = c.rateTable();
        String unit = " " + plan.currency() + " per unit";
        if (table.isFlat()) {
            return "pays " + ComponentNote.amount(table.bands().get(0).rate()) + unit;
        }
        return "pays per unit, " + (table.policy() == TierPolicy.MARGINAL
                ? "marginal (each band's amount applies only to the units inside it): "
                : "retroactive (the amount of the highest band reached applies to every unit): ")
                + ComponentNote.bands(table, rate -> " at " + ComponentNote.amount(rate) + unit);
    }
}
