package io.compclose.intake;

import java.util.ArrayList;
import java.util.List;

import io.compclose.plan.Metric;
import io.compclose.plan.Plan;
import io.compclose.plan.PlanComponent;

/**
 * What the close computes today: one flat-rate component on booked ACV. The calculation core
 * covers every mechanic of a plan file; until the close runs that core, a plan that needs more is
 * refused with the mechanics named, rather than paid wrongly.
 */
final class CloseSupport {

    private CloseSupport() {
    }

    static List<String> missing(Plan plan) {
        List<String> features = new ArrayList<>();
        if (plan.components().size() != 1) {
            features.add(plan.components().size() + " components");
        }
        for (PlanComponent c : plan.components()) {
            if (!c.metric().equals(Metric.BOOKINGS_ACV)) {
                features.add("metric " + c.metric());
            }
            if (!c.isFlatRate()) {
                features.add("component " + c.id() + " with a rate table, payout curve, condition, multiplier "
                        + "or cap");
            }
        }
        addIf(features, plan.caps().perPeriod() != null || plan.caps().perYear() != null
                || plan.caps().multipleOfTarget() != null, "caps");
        addIf(features, plan.draw() != null, "a draw");
        addIf(features, plan.holdback() != null, "a holdback");
        addIf(features, plan.clawback() != null, "clawbacks");
        addIf(features, !plan.spiffs().isEmpty(), "SPIFFs");
        addIf(features, !plan.bonuses().isEmpty(), "bonuses");
        addIf(features, plan.teamPool() != null, "a team pool");
        addIf(features, !plan.mbos().isEmpty(), "MBO");
        if (features.isEmpty()) {
            return List.of();
        }
        return List.of(plan.sourceFile() + ": plan " + plan.id() + " v" + plan.version() + " uses "
                + String.join(", ", features) + ", which this version of the close does not compute yet");
    }

    private static void addIf(List<String> features, boolean condition, String feature) {
        if (condition) {
            features.add(feature);
        }
    }
}
