package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanLoader;
import io.compclose.rules.Conditions;

/** "How this was calculated" for a rate from target and for pay per unit, as the statement prints it. */
class RateNoteTests {

    @TempDir
    Path plans;

    private Plan plan(String components) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), """
                plan: SDR-2026
                name: Sales development, FY2026
                version: 1
                effective_from: 2026-01-01
                effective_to: 2026-12-31
                currency: USD
                target_incentive: 60000
                components:
                """ + components);
        return new PlanLoader(Conditions::problem).load(plans).plans().get(0);
    }

    @Test
    void aRateFromTargetShowsItsArithmetic() throws Exception {
        Plan plan = plan("""
                  - {id: sourced, weight: 0.5, metric: SOURCED_ACV, quota: 500000, rate: from_target}
                  - {id: meetings, weight: 0.5, metric: ACTIVITY_COUNT, quota: 240, pay: TARGET_BY_ATTAINMENT,
                     rate_table: {bands: [{from: 0, rate: 1.0}]}}
                """);

        // 60,000 x 0.5 / 500,000 = 0.06
        assertThat(ComponentNote.of(plan, plan.components().get(0))).isEqualTo("Commission = credited sourced ACV "
                + "× 6 %, rounded half-even to the cent per booking; rate 6 % = target incentive 60,000 × weight 0.5 "
                + "÷ quota 500,000.");
    }

    @Test
    void payPerUnitShowsTheAmountPerUnitBandByBand() throws Exception {
        Plan plan = plan("""
                  - {id: meetings, weight: 0.5, metric: ACTIVITY_COUNT, when: "type == 'QUALIFIED_MEETING'",
                     pay: PER_UNIT, rate_table: {bands: [{from: 0, to: 20, rate: 50}, {from: 20, rate: 75}]}}
                  - {id: logos, weight: 0.5, metric: NEW_LOGO_COUNT, pay: PER_UNIT, rate: 500}
                """);

        // 25 meetings: 20 x 50 + 5 x 75 = 1,375; 3 logos: 3 x 500 = 1,500
        assertThat(ComponentNote.of(plan, plan.components().get(0))).isEqualTo("Measures credited activities where "
                + "type == 'QUALIFIED_MEETING' over the year to date; pays per unit, marginal (each band's amount "
                + "applies only to the units inside it): 0–20 at 50 USD per unit, 20+ at 75 USD per unit.");
        assertThat(ComponentNote.of(plan, plan.components().get(1)))
                .isEqualTo("Measures credited new logos over the year to date; pays 500 USD per unit.");
    }
}
