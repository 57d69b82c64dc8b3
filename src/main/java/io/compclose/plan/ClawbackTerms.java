package io.compclose.plan;

import java.math.BigDecimal;
import java.util.List;

import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.PlanTerms.Clawback.Method;
import io.compclose.system.FieldProblems;

/**
 * The clawback terms of a plan file, with the rules across its fields: a fixed share goes with
 * FIXED_SHARE only, a schedule with SCHEDULE_BY_MONTHS only, and a schedule's steps run from the
 * shortest to the longest time with ever smaller shares (more is recovered the sooner a deal is lost).
 */
final class ClawbackTerms {

    private ClawbackTerms() {
    }

    /** The terms, or null when the plan has none or a field is wrong (each problem added under clawback). */
    static PlanTerms.Clawback of(PlanFile.Clawback written, FieldProblems planProblems) {
        if (written == null || written.method() == null) {
            return null; // a missing method is refused with the file's fields
        }
        FieldProblems problems = planProblems.under("clawback");
        List<PlanTerms.Clawback.Step> steps = problems.each("schedule", written.schedule(),
                (step, at) -> new PlanTerms.Clawback.Step(step.withinMonths() == null ? 0 : step.withinMonths(),
                        step.share()));
        boolean hasSchedule = written.schedule() != null;
        if (written.share() != null && hasSchedule) {
            problems.add("share", "give either share (a fixed share) or schedule, not both");
        } else if (written.method() == Method.FIXED_SHARE && written.share() == null) {
            problems.add("share", "is required with method FIXED_SHARE");
        } else if (written.method() == Method.SCHEDULE_BY_MONTHS && !hasSchedule) {
            problems.add("schedule", "is required with method SCHEDULE_BY_MONTHS");
        } else if (written.share() != null && written.method() != Method.FIXED_SHARE) {
            problems.add("share", "applies to method FIXED_SHARE only, the method is " + written.method());
        } else if (hasSchedule && written.method() != Method.SCHEDULE_BY_MONTHS) {
            problems.add("schedule", "applies to method SCHEDULE_BY_MONTHS only, the method is " + written.method());
        } else if (hasSchedule && steps.size() == written.schedule().size()) {
            checkSchedule(steps, problems);
        }
        if (!problems.isEmpty() || written.windowDays() == null) {
            return null;
        }
        return new PlanTerms.Clawback(written.windowDays(), written.method(), written.share(), steps,
                written.recovery());
    }

    private static void checkSchedule(List<PlanTerms.Clawback.Step> steps, FieldProblems problems) {
        if (steps.isEmpty()) {
            problems.add("schedule", "needs at least one step");
        }
        // a step refused for its own fields is not compared again
        boolean[] refused = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            refused[i] = problems.has("schedule[" + i + "]");
        }
        for (int i = 1; i < steps.size(); i++) {
            PlanTerms.Clawback.Step before = steps.get(i - 1);
            PlanTerms.Clawback.Step step = steps.get(i);
            if (refused[i - 1] || refused[i]) {
                continue;
            }
            if (step.withinMonths() <= before.withinMonths()) {
                problems.add("schedule[" + i + "].within_months", "must be above the previous step's "
                        + before.withinMonths() + ", was " + step.withinMonths());
            }
            if (step.share().compareTo(before.share()) >= 0) {
                problems.add("schedule[" + i + "].share", "must be below the previous step's "
                        + plain(before.share()) + " (a later cancellation recovers less), was " + plain(step.share()));
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
