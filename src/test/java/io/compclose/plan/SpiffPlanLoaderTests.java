package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.PlanTerms;

/** SPIFFs by value in a plan file: a rate, tiers by deal size, a cap per program, a window the version meets. */
class SpiffPlanLoaderTests {

    @TempDir
    Path plans;

    private static final String HEAD = """
            plan: X
            version: 1
            effective_from: 2026-01-01
            effective_to: 2026-12-31
            currency: USD
            components: [{id: a, metric: BOOKINGS_ACV, rate: 0.05}]
            """;

    /** What the loader refuses the file for (it must refuse it). */
    private List<String> problemsOf(String yaml) {
        List<String> problems = new PlanFileFixture(plans).problemsOf(yaml);
        assertThat(problems).as("refused").isNotEmpty();
        return problems;
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void readsARateTiersAndACapAndLeavesThemUnsetWhenAbsent() throws Exception {
        List<PlanTerms.Spiff> spiffs = new PlanFileFixture(plans).load(HEAD + """
                spiffs:
                  - {id: fixed, from: 2026-11-01, to: 2026-11-30, amount_per_deal: 500}
                  - {id: acv, from: 2026-11-01, to: 2026-11-30, rate: 0.02, cap_per_year: 5000}
                  - {id: size, from: 2026-11-01, to: 2027-01-31, tiers: [{from: 0, to: 50000, amount: 500},
                      {from: 50000, amount: 1000}]}
                """).spiffs();

        assertThat(spiffs.get(0)).isEqualTo(new PlanTerms.Spiff("fixed", java.time.LocalDate.of(2026, 11, 1),
                java.time.LocalDate.of(2026, 11, 30), null, d("500")));
        assertThat(spiffs.get(0).rate()).isNull();
        assertThat(spiffs.get(0).tiers()).isEmpty();
        assertThat(spiffs.get(0).capPerYear()).isNull();
        assertThat(spiffs.get(1).rate()).isEqualByComparingTo("0.02");
        assertThat(spiffs.get(1).capPerYear()).isEqualByComparingTo("5000");
        assertThat(spiffs.get(1).amountPerDeal()).isNull();
        // a window running past the version's end is accepted: deals after it are settled by the next version
        assertThat(spiffs.get(2).tiers()).containsExactly(new Band(d("0"), d("50000"), d("500")),
                new Band(d("50000"), null, d("1000")));
    }

    @Test
    void conflictingMissingAndNegativeFieldsAreNamed() throws Exception {
        assertThat(problemsOf(HEAD + """
                spiffs:
                  - {id: both, from: 2026-11-01, to: 2026-11-30, amount_per_deal: 500, rate: 0.02}
                  - {id: none, from: 2026-11-01, to: 2026-11-30}
                  - {id: negative, from: 2026-11-01, to: 2026-11-30, amount_per_deal: -500}
                  - {id: zero-cap, from: 2026-11-01, to: 2026-11-30, rate: 0.02, cap_per_year: 0}
                  - {id: typo, from: 2026-11-01, to: 2026-11-30, rate: 2}
                """)).containsExactlyInAnyOrder(
                "p.yaml: plan X: spiffs[0].rate: give one of amount_per_deal, rate or tiers, not amount_per_deal "
                        + "and rate",
                "p.yaml: plan X: spiffs[1].amount_per_deal: is required (or rate, or tiers)",
                "p.yaml: plan X: spiffs[2].amount_per_deal: must not be negative, was -500",
                "p.yaml: plan X: spiffs[3].cap_per_year: must be above zero, was 0",
                "p.yaml: plan X: spiffs[4].rate: 2 is above 1 (100 %): rates are fractions (0.09 is 9 %); if it is "
                        + "meant, set allow_rate_above_one: true on the plan");
    }

    @Test
    void tiersWithGapsOverlapsOrNegativeAmountsAreNamed() throws Exception {
        assertThat(problemsOf(HEAD + """
                spiffs:
                  - {id: gap, from: 2026-11-01, to: 2026-11-30,
                     tiers: [{from: 0, to: 50000, amount: 500}, {from: 60000, amount: 1000}]}
                  - {id: overlap, from: 2026-11-01, to: 2026-11-30,
                     tiers: [{from: 0, to: 50000, amount: 500}, {from: 40000, amount: 1000}]}
                  - {id: negative, from: 2026-11-01, to: 2026-11-30, tiers: [{from: 0, amount: -1}]}
                  - {id: empty, from: 2026-11-01, to: 2026-11-30, tiers: []}
                  - {id: twice, from: 2026-11-01, to: 2026-11-30, amount_per_deal: 500, tiers: [{from: 0, amount: 1}]}
                """)).containsExactlyInAnyOrder(
                "p.yaml: plan X: spiffs[0]: tiers[1].from: gap between 50000 and 60000",
                "p.yaml: plan X: spiffs[1]: tiers[1].from: overlaps the previous tier, which ends at 50000",
                "p.yaml: plan X: spiffs[2].tiers[0].amount: must not be negative, was -1",
                "p.yaml: plan X: spiffs[3].tiers: at least one tier is required, the list is empty",
                "p.yaml: plan X: spiffs[4].tiers: give one of amount_per_deal, rate or tiers, not amount_per_deal "
                        + "and tiers");
    }

    @Test
    void aWindowOutOfOrderOrWhollyOutsideThePlanVersionIsRefused() throws Exception {
        assertThat(problemsOf(HEAD + """
                spiffs:
                  - {id: backwards, from: 2026-11-30, to: 2026-11-01, amount_per_deal: 500}
                  - {id: last-year, from: 2025-11-01, to: 2025-12-31, amount_per_deal: 500}
                  - {id: next-year, from: 2027-01-01, to: 2027-01-31, amount_per_deal: 500}
                """)).containsExactlyInAnyOrder(
                "p.yaml: plan X: spiffs[0].to: is before from",
                "p.yaml: plan X: spiffs[1].to: 2025-12-31 is before the plan version starts (effective_from "
                        + "2026-01-01): no deal booked under it could qualify",
                "p.yaml: plan X: spiffs[2].from: 2027-01-01 is after the plan version ends (effective_to "
                        + "2026-12-31): no deal booked under it could qualify");
    }
}
