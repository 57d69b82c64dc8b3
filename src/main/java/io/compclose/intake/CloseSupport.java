package io.compclose.intake;

import java.util.ArrayList;
import java.util.List;

import io.compclose.plan.Metric;
import io.compclose.plan.Plan;
import io.compclose.plan.PlanComponent;

/**
 * What the close can compute today. The calculation core covers every mechanic of a plan file,
 * but the close loads only reps, bookings and cancellations so far: a plan measuring usage,
 * activities, KPIs or MBO scores, or with a team pool, is refused with what it needs named, rather
 * than paid as if those figures were zero.
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
        plan.bonuses().forEach(b -> features.add("bonus " + b.id() + " measures " + b.metric() + " from "
                + inputFor(b.metric()).orElse("kpis.csv")));
        plan.mbos().forEach(m -> features.add("MBO " + m.objective() + " is scored in kpis.csv"));
        if (plan.teamPool() != null) {
            features.add("a team pool, which needs the whole team's credit");
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
            case ACTIVITY_COUNT -> "activities.csv";
            case KPI, MBO -> "kpis.csv";
            default -> null;
        });
    }
}
