package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.core.plan.Metric;
import io.compclose.core.plan.PlanTerms;

/** A team pool's metric and split as a plan file writes them (issue 22, item 8). */
class TeamPoolPlanLoaderTests {

    private static final String PLAN = """
            plan: X
            version: 2
            effective_from: 2026-01-01
            currency: USD
            components: [{id: a, metric: BOOKINGS_ACV, rate: 0.05}]
            """;

    @TempDir
    Path plans;

    private PlanTerms.TeamPool pool(String yaml) {
        return new PlanFileFixture(plans).load(PLAN + yaml).teamPool();
    }

    private java.util.List<String> problemsOf(String yaml) {
        return new PlanFileFixture(plans).problemsOf(PLAN + yaml);
    }

    @Test
    void aBookingPoolSharedEquallyReadsAsToday() {
        assertThat(pool("team_pool: {team: West, metric: BOOKINGS_ACV, target: 100000, pool: 9000, split: EQUAL}\n"))
                .isEqualTo(new PlanTerms.TeamPool("West", Metric.BOOKINGS_ACV, new java.math.BigDecimal("100000"),
                        new java.math.BigDecimal("9000"), PlanTerms.TeamPool.Split.EQUAL, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"USAGE_REVENUE", "USAGE_GROWTH", "RENEWAL_ACV", "ACTIVITY_COUNT", "KPI:PIPELINE"})
    void aPoolMeasuresUsageRenewalsActivitiesOrAKpi(String metric) {
        PlanTerms.TeamPool pool = pool("team_pool: {team: West, metric: " + metric
                + ", target: 500000, pool: 10000, split: BY_POINTS}\n");
        assertThat(pool.metric()).isEqualTo(Metric.parse(metric).orElseThrow());
        assertThat(pool.split()).isEqualTo(PlanTerms.TeamPool.Split.BY_POINTS);
    }

    /** A pool's metric conflicts with its mechanic when members' figures do not add up to a team's. */
    @Test
    void anMboScoreIsNotPooledAndTheFieldIsNamed() {
        assertThat(problemsOf("team_pool: {team: West, metric: 'MBO:QBR', target: 1, pool: 1000, split: EQUAL}\n"))
                .containsExactly("p.yaml: plan X: team_pool.metric: a team pool cannot measure an MBO score (MBO:QBR): "
                        + "a score of 0-1 per rep does not add up to a team figure; pool on bookings, usage, "
                        + "activities or a KPI");
    }

    @Test
    void anUnknownSplitIsRefusedNamingTheValuesKnown() {
        assertThat(problemsOf("team_pool: {team: West, metric: KPI:PIPELINE, target: 1, pool: 1000, split: BY_POINT}\n"))
                .containsExactly("p.yaml: plan X: team_pool.split: unknown value 'BY_POINT' (known: EQUAL, BY_CREDIT, "
                        + "BY_POINTS)");
    }

    @Test
    void aMissingSplitOrMetricIsRefused() {
        assertThat(problemsOf("team_pool: {team: West, metric: USAGE_REVENUE, target: 1, pool: 1000}\n"))
                .containsExactly("p.yaml: plan X: team_pool.split: is required");
        assertThat(problemsOf("team_pool: {team: West, target: 1, pool: 1000, split: BY_POINTS}\n"))
                .containsExactly("p.yaml: plan X: team_pool.metric: is required");
    }

    @Test
    void aNegativePoolOrTargetIsRefused() {
        assertThat(problemsOf("team_pool: {team: West, metric: USAGE_REVENUE, target: -1, pool: -5, "
                + "split: BY_POINTS}\n")).containsExactly("p.yaml: plan X: team_pool.pool: must not be negative, was -5",
                        "p.yaml: plan X: team_pool.target: must not be negative, was -1");
    }
}
