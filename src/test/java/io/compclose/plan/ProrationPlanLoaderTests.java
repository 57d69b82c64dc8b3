package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.PlanTerms.Proration;
import io.compclose.core.plan.PlanTerms.Proration.By;

/** {@code proration} in a plan file: read, defaulted, and refused by name where it cannot mean anything. */
class ProrationPlanLoaderTests {

    @TempDir
    Path plans;

    private static final String PLAN = """
            plan: X
            version: 1
            effective_from: 2026-04-01
            currency: USD
            target_incentive: 60000
            components: [{id: a, metric: BOOKINGS_ACV, quota: 1200000, rate: 0.05}]
            """;

    private PlanFileFixture file() {
        return new PlanFileFixture(plans);
    }

    @Test
    void withoutProrationAPlanIsReadAsToday() {
        assertThat(file().load(PLAN).proration()).isNull();
    }

    @Test
    void readsDaysOrMonthsAndDaysWhenByIsLeftOut() {
        assertThat(file().load(PLAN + "proration: {by: MONTHS}\n").proration()).isEqualTo(new Proration(By.MONTHS));
        assertThat(file().load(PLAN + "proration: {by: DAYS}\n").proration()).isEqualTo(new Proration(By.DAYS));
        assertThat(file().load(PLAN + "proration: {}\n").proration()).isEqualTo(new Proration(By.DAYS));
    }

    @Test
    void aPlanWithoutAnEndOrThatRunsAllYearMayBeProrated() {
        // nothing to refuse: in force from 1 January to 31 December it is 365/365 of its quota, today's figure
        assertThat(file().problemsOf(PLAN.replace("2026-04-01", "2026-01-01") + "effective_to: 2026-12-31\n"
                + "proration: {by: MONTHS}\n")).isEmpty();
    }

    @Test
    void refusesAnUnknownBy() {
        assertThat(file().problemsOf(PLAN + "proration: {by: WEEKS}\n")).containsExactly(
                "p.yaml: plan X: proration.by: unknown value 'WEEKS' (known: DAYS, MONTHS)");
    }

    @Test
    void refusesProrationWrittenAsAWord() {
        assertThat(file().problemsOf(PLAN + "proration: DAYS\n")).containsExactly(
                "p.yaml: plan X: proration: must be a mapping of fields");
    }

    @Test
    void refusesMonthsOnAVersionThatStartsOrEndsWithinAMonth() {
        assertThat(file().problemsOf(PLAN.replace("2026-04-01", "2026-04-15") + "effective_to: 2026-11-20\n"
                + "proration: {by: MONTHS}\n")).containsExactly(
                "p.yaml: plan X: proration.by: MONTHS counts whole months, but effective_from 2026-04-15 is not the "
                        + "first of a month (prorate by DAYS)",
                "p.yaml: plan X: proration.by: MONTHS counts whole months, but effective_to 2026-11-20 is not the "
                        + "last day of a month (prorate by DAYS)");
    }

    @Test
    void refusesMonthsWhenAHigherVersionTakesOverWithinAMonth() {
        assertThat(file().problemsOf(PLAN + "proration: {by: MONTHS}\n---\n"
                + PLAN.replace("version: 1", "version: 2").replace("2026-04-01", "2026-07-16")))
                .containsExactly("p.yaml: plan X v1: proration.by: MONTHS counts whole months, but version 2 takes "
                        + "over on 2026-07-16, within a month of this version: start it on the first of a month or "
                        + "prorate by DAYS");
    }

    @Test
    void refusesAQuotaPerPeriodWhichIsNotProratedAgain() {
        assertThat(file().problemsOf("""
                plan: X
                version: 1
                effective_from: 2026-04-01
                currency: USD
                measurement: QUARTER
                proration: {by: DAYS}
                components:
                  - {id: a, metric: BOOKINGS_ACV, quota_by_period: {2026-Q2: 200000}, rate_table: {bands: [{from: 0, rate: 0.05}]}}
                """)).containsExactly("p.yaml: plan X: proration: component a has quota_by_period, which is already a "
                + "quota per period: give it an annual quota to prorate, or leave proration out");
    }

    @Test
    void refusesAPlanWithNothingToProrate() {
        assertThat(file().problemsOf("""
                plan: X
                version: 1
                effective_from: 2026-04-01
                currency: USD
                proration: {by: DAYS}
                components: [{id: a, metric: BOOKINGS_ACV, rate: 0.05}]
                """)).containsExactly("p.yaml: plan X: proration: nothing to prorate: the plan has neither a "
                + "component quota nor target_incentive");
    }
}
