package io.compclose.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.PlanTerms.Proration.By;
import io.compclose.system.FieldProblems;

/**
 * A plan file's {@code proration}, with the rules across fields: there must be an annual quota or a target
 * incentive to prorate, a quota written per period is not prorated again, and MONTHS counts whole months, so
 * the version (and any higher version that takes over from it) must start on the first of a month and end on
 * the last day of one.
 */
final class ProrationTerms {

    private ProrationTerms() {
    }

    /** The terms, or null when the plan has none (each problem added under proration). */
    static PlanTerms.Proration of(PlanFile written, FieldProblems planProblems) {
        if (written.proration() == null) {
            return null;
        }
        FieldProblems problems = planProblems.under("proration");
        PlanTerms.Proration proration = new PlanTerms.Proration(written.proration().by());
        List<PlanFile.Component> components = written.components() == null ? List.of()
                : written.components().stream().filter(c -> c != null).toList();
        List<String> perPeriod = components.stream()
                .filter(c -> c.quotaByPeriod() != null && !c.quotaByPeriod().isEmpty()).map(PlanFile.Component::id)
                .toList();
        perPeriod.forEach(id -> problems.add("component " + id + " has quota_by_period, which is already a quota "
                + "per period: give it an annual quota to prorate, or leave proration out"));
        if (perPeriod.isEmpty() && components.stream().allMatch(c -> c.quota() == null)
                && written.targetIncentive() == null) {
            problems.add("nothing to prorate: the plan has neither a component quota nor target_incentive");
        }
        if (proration.by() == By.MONTHS) {
            LocalDate from = written.effectiveFrom();
            LocalDate to = written.effectiveTo();
            if (from != null && from.getDayOfMonth() != 1) {
                problems.add("by", "MONTHS counts whole months, but effective_from " + from
                        + " is not the first of a month (prorate by DAYS)");
            }
            if (to != null && !to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
                problems.add("by", "MONTHS counts whole months, but effective_to " + to
                        + " is not the last day of a month (prorate by DAYS)");
            }
        }
        return proration;
    }

    /**
     * A version prorated by MONTHS loses the month in which a higher version takes over from it mid-month:
     * that month would be counted by neither, so it is refused by name.
     */
    static List<String> acrossVersions(List<Plan> plans) {
        List<String> problems = new ArrayList<>();
        for (Plan plan : plans) {
            if (plan.proration() == null || plan.proration().by() != By.MONTHS) {
                continue;
            }
            for (Plan higher : plans) {
                LocalDate start = higher.effectiveFrom();
                if (higher.id().equals(plan.id()) && higher.version() > plan.version() && start.getDayOfMonth() != 1
                        && plan.isEffectiveOn(start)) {
                    problems.add(plan.sourceFile() + ": plan " + plan.id() + " v" + plan.version()
                            + ": proration.by: MONTHS counts whole months, but version " + higher.version()
                            + " takes over on " + start + ", within a month of this version: start it on the "
                            + "first of a month or prorate by DAYS");
                }
            }
        }
        return problems;
    }
}
