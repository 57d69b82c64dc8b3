package io.compclose.intake;

import java.util.ArrayList;
import java.util.List;

import io.compclose.plan.Metric;
import io.compclose.plan.Plan;
import io.compclose.plan.PlanComponent;

/**
 * What the close can compute today. The calculation core covers every mechanic of a plan file,
 * but the close does not load usage yet: a plan measuring usage is refused with what it needs
 * named, rather than paid as if those figures were zero.
 */
final class CloseSupport {

    private CloseSupport() {
    }

    static List<String> missing(Plan plan) {
        List<String> features = new ArrayList<>();
        for (PlanComponent c : plan.components()) {
            inputFor(c.metric()).ifPresent(file -> features.add("component " + c.id() + " measures "
                    + c.metric() + " from " + file));
        }
        plan.bonuses().forEach(b -> inputFor(b.metric()).ifPresent(file -> features.add("bonus " + b.id()
                + " measures " + b.metric() + " from " + file)));
        if (plan.teamPool() != null) {
            if (!plan.teamPool().metric().isMeasuredOnBookings()) {
                features.add("team pool " + plan.teamPool().team() + " measures " + plan.teamPool().metric()
                        + ", and team pools are computed on booking metrics only");
            }
        }
        if (features.isEmpty()) {
            return List.of();
        }
        return List.of(plan.sourceFile() + ": plan " + plan.id() + " v" + plan.version() + ": "
                + String.join("; ", features) + ": this version of the close does not load that yet");
    }

    private static java.util.Optional<String> inputFor(Metric metric) {
        return java.util.Optional.ofNullable(switch (metric.kind()) {
            case USAGE_REVENUE, USAGE_GROWTH -> "usage.csv";
            default -> null;
        });
    }
}
