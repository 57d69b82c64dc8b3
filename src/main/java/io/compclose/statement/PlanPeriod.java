package io.compclose.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;

/**
 * One plan version a rep was on during the period, with the days it covered: a rep whose plan
 * changes mid-month reads which plan priced which days. A plan id the catalog does not know has no
 * name and no version (0).
 */
public record PlanPeriod(String planId, int version, String name, LocalDate from, LocalDate to) {

    /** "AE-2026 v1", as earning lines name the plan that priced them. */
    public String key() {
        return planId + " v" + version;
    }

    /**
     * "AE-2026 v1 · Account Executive, FY2026 · to 2026-10-15": the dates only where the version
     * does not cover the whole period.
     */
    public String label(PayPeriod period) {
        boolean fromStart = from.equals(period.start());
        boolean toEnd = to.equals(period.end());
        String dates = fromStart && toEnd ? "" : fromStart ? " · to " + to : toEnd ? " · from " + from
                : " · " + from + " to " + to;
        return (version == 0 ? planId : key()) + (name == null ? "" : " · " + name) + dates;
    }

    /** The plan versions of the rep's assignments, day by day over the period, in date order. */
    public static List<PlanPeriod> of(List<RepAssignment> assignments, PlanCatalog plans, PayPeriod period) {
        List<PlanPeriod> periods = new ArrayList<>();
        List<RepAssignment> sorted = assignments.stream()
                .filter(a -> a.overlaps(period.start(), period.end()))
                .sorted(Comparator.comparing(RepAssignment::effectiveFrom)).toList();
        for (LocalDate day = period.start(); !day.isAfter(period.end()); day = day.plusDays(1)) {
            LocalDate on = day;
            Optional<RepAssignment> assignment = sorted.stream().filter(a -> a.isActiveOn(on)).reduce((a, b) -> b);
            if (assignment.isEmpty()) {
                continue;
            }
            Optional<Plan> plan = plans.effective(assignment.get().planId(), day);
            PlanPeriod today = new PlanPeriod(assignment.get().planId(), plan.map(Plan::version).orElse(0),
                    plan.map(Plan::name).orElse(null), day, day);
            PlanPeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && last.key().equals(today.key()) && last.to.plusDays(1).equals(day)) {
                periods.set(periods.size() - 1, new PlanPeriod(last.planId, last.version, last.name, last.from, day));
            } else {
                periods.add(today);
            }
        }
        return periods;
    }
}
