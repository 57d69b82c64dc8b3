package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;

/** {@code pay: PER_UNIT} and {@code rate: from_target} as plan files write them, and what is refused. */
class PerUnitAndTargetRatePlanTests {

    @TempDir
    Path plans;

    private static final String HEAD = """
            plan: X
            version: 1
            effective_from: 2026-01-01
            currency: USD
            """;

    private Plan load(String yaml) {
        return new PlanFileFixture(plans).load(HEAD + yaml);
    }

    private List<String> problemsOf(String yaml) {
        return new PlanFileFixture(plans).problemsOf(HEAD + yaml);
    }

    @Test
    void readsAmountsPerUnitOnCountsAndARateFromTarget() throws Exception {
        Plan plan = load("""
                target_incentive: 60000
                components:
                  - {id: meetings, weight: 0.5, metric: ACTIVITY_COUNT, pay: PER_UNIT,
                     rate_table: {bands: [{from: 0, to: 20, rate: 50}, {from: 20, rate: 75}]}}
                  - {id: sourced, weight: 0.5, metric: SOURCED_ACV, quota: 500000, rate: from_target}
                """);

        PlanComponent meetings = plan.components().get(0);
        assertThat(meetings.pay()).isEqualTo(PayMethod.PER_UNIT);
        assertThat(meetings.rateTable().basis()).isEqualTo(BandBasis.AMOUNT); // bands on counts, not on quota
        assertThat(meetings.rateTable().bands()).extracting(Band::rate).extracting(BigDecimal::toPlainString)
                .containsExactly("50", "75"); // amounts per unit, no "rates are fractions" ceiling
        PlanComponent sourced = plan.components().get(1);
        assertThat(sourced.rateFromTarget()).isTrue();
        // 60,000 x 0.5 / 500,000 = 0.06
        assertThat(sourced.flatRate()).isEqualByComparingTo("0.06");
        assertThat(meetings.rateFromTarget()).isFalse();
    }

    @Test
    void aRateWrittenAsANumberReadsAsBefore() throws Exception {
        Plan plan = load("""
                components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.08}]
                """);

        assertThat(plan.components().get(0).isFlatRate()).isTrue();
        assertThat(plan.components().get(0).flatRate().toPlainString()).isEqualTo("0.08");
        assertThat(plan.components().get(0).rateFromTarget()).isFalse();
        assertThat(problemsOf("""
                components: [{id: bookings, metric: BOOKINGS_ACV, rate: lots}]
                """)).containsExactly("p.yaml: plan X: components[0].rate: must be a number, was 'lots'");
        assertThat(problemsOf("""
                components: [{id: bookings, metric: BOOKINGS_ACV, rate: -0.01}]
                """)).containsExactly("p.yaml: plan X: components[0].rate: must not be negative, was -0.01");
    }

    @Test
    void perUnitIsRefusedOnMoneyAndOtherNonCountsAndOnFractionsOfAUnit() throws Exception {
        assertThat(problemsOf("""
                components:
                  - {id: a, weight: 0.2, metric: BOOKINGS_ACV, pay: PER_UNIT, rate: 50}
                  - {id: b, weight: 0.2, metric: "KPI:NRR", pay: PER_UNIT, rate: 50}
                  - {id: c, weight: 0.2, metric: ACTIVITY_COUNT, pay: PER_UNIT, rate: -50}
                  - {id: d, weight: 0.2, metric: ACTIVITY_COUNT, pay: PER_UNIT,
                     rate_table: {bands: [{from: 0, to: 20.5, rate: 50}, {from: 20.5, rate: 75}]}}
                  - {id: e, weight: 0.2, metric: NEW_LOGO_COUNT, pay: PER_UNIT,
                     rate_table: {basis: ATTAINMENT, bands: [{from: 0, rate: 500}]}}
                """)).containsExactly(
                "p.yaml: plan X: components[0].pay: PER_UNIT pays an amount per unit of a count; BOOKINGS_ACV is "
                        + "money, use RATE_ON_VALUE",
                "p.yaml: plan X: components[1].pay: PER_UNIT pays an amount per unit of a count (NEW_LOGO_COUNT, "
                        + "ACTIVITY_COUNT); KPI:NRR is not one, use TARGET_BY_ATTAINMENT",
                "p.yaml: plan X: components[2].rate: must not be negative, was -50",
                "p.yaml: plan X: components[3].rate_table.bands[0].to: a count of units must be a whole number, "
                        + "was 20.5",
                "p.yaml: plan X: components[3].rate_table.bands[1].from: a count of units must be a whole number, "
                        + "was 20.5",
                "p.yaml: plan X: components[4].rate_table.basis: PER_UNIT bands are counts of units (from: 20 "
                        + "starts after the 20th unit), not fractions of quota; leave basis out");
    }

    @Test
    void anAmountPerUnitMustFitTheEarningLine() throws Exception {
        assertThat(problemsOf("""
                components: [{id: logos, metric: NEW_LOGO_COUNT, pay: PER_UNIT, rate: 1000000}]
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate: must be below 1,000,000 per unit, was 1000000");
    }

    @Test
    void aRateFromTargetNeedsTargetIncentiveWeightAndAnAnnualQuota() throws Exception {
        assertThat(problemsOf("""
                components: [{id: a, weight: 1, metric: BOOKINGS_ACV, quota: 500000, rate: from_target}]
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate: from_target needs target_incentive on the plan");
        assertThat(problemsOf("""
                target_incentive: 60000
                components:
                  - {id: a, metric: BOOKINGS_ACV, quota: 500000, rate: from_target}
                  - {id: b, weight: 0.5, metric: BOOKINGS_ACV, quota_by_period: {2026-Q1: 100000}, rate: from_target}
                  - {id: c, weight: 0.5, metric: NEW_LOGO_COUNT, pay: PER_UNIT, rate: from_target}
                """)).containsExactly(
                "p.yaml: plan X: components[0].weight: is required with rate: from_target (target incentive × "
                        + "weight ÷ quota)",
                "p.yaml: plan X: components[1].quota: is required with rate: from_target (target incentive × "
                        + "weight ÷ quota); quota_by_period gives no annual quota",
                "p.yaml: plan X: components[2].rate: from_target is a rate on value (target incentive × weight ÷ "
                        + "quota); pay PER_UNIT has no use for it");
    }

    @Test
    void aRateFromTargetAboveOneIsATypoUnlessThePlanSaysSo() throws Exception {
        String component = """
                target_incentive: 600000
                components: [{id: a, weight: 1, metric: BOOKINGS_ACV, quota: 500000, rate: from_target}]
                """;
        // 600,000 x 1 / 500,000 = 1.2: a target incentive written with one zero too many
        assertThat(problemsOf(component)).containsExactly("p.yaml: plan X: components[0].rate: from_target gives "
                + "target incentive 600000 × weight 1 ÷ quota 500000 = 1.2, above 1 (100 %); if it is meant, set "
                + "allow_rate_above_one: true on the plan");
        assertThat(load("allow_rate_above_one: true\n" + component).components().get(0).flatRate())
                .isEqualByComparingTo("1.2");
    }
}
