package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.core.plan.PlanComponent;

class PlanPeriodTests {

    private static final PayPeriod OCTOBER = PayPeriod.of(YearMonth.of(2026, 10));

    @Test
    void aPlanChangeAndANewVersionSplitThePeriodIntoTheDaysEachVersionCovered() {
        // AE-2026 until the 15th (v1, then v2 from the 10th), AM-2026 from the 16th
        PlanCatalog plans = new PlanCatalog(List.of(plan("AE-2026", 1, "Account Executive", "2026-01-01"),
                plan("AE-2026", 2, "Account Executive", "2026-10-10"), plan("AM-2026", 1, "Account Manager",
                        "2026-01-01")));
        List<RepAssignment> roster = List.of(assignment("AE-2026", "2026-01-01", "2026-10-15"),
                assignment("AM-2026", "2026-10-16", null));

        List<PlanPeriod> periods = PlanPeriod.of(roster, plans, OCTOBER);

        assertThat(periods).extracting(p -> p.label(OCTOBER)).containsExactly(
                "AE-2026 v1 · Account Executive · to 2026-10-09",
                "AE-2026 v2 · Account Executive · 2026-10-10 to 2026-10-15",
                "AM-2026 v1 · Account Manager · from 2026-10-16");
    }

    @Test
    void aWholeMonthOnOnePlanHasNoDatesAndAnUnknownPlanOnlyItsId() {
        List<RepAssignment> roster = List.of(assignment("XX-2099", "2026-01-01", null));

        assertThat(PlanPeriod.of(roster, new PlanCatalog(List.of()), OCTOBER)).extracting(p -> p.label(OCTOBER))
                .containsExactly("XX-2099");
    }

    private static Plan plan(String id, int version, String name, String from) {
        return Plan.flat(id, version, name, LocalDate.parse(from), LocalDate.parse("2026-12-31"), "USD",
                PlanComponent.flat("bookings", new BigDecimal("0.05")), "plans.yaml");
    }

    private static RepAssignment assignment(String plan, String from, String to) {
        return new RepAssignment("R1", "E1", "Rae", "rae@example.com", Role.AE, null, "West", plan, "USD",
                LocalDate.parse(from), to == null ? null : LocalDate.parse(to), 1);
    }
}
