package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.PlanTerms.Clawback.Method;
import io.compclose.core.plan.PlanTerms.Clawback.Recovery;
import io.compclose.core.plan.PlanTerms.Clawback.Step;
import io.compclose.rules.Conditions;

class ClawbackTermsTests {

    @TempDir
    Path plans;

    private final PlanLoader loader = new PlanLoader(Conditions::problem);

    private static final String PLAN = """
            plan: X
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: a, metric: BOOKINGS_ACV, rate: 0.05}]
            """;

    private PlanTerms.Clawback clawback(String yaml) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), PLAN + yaml);
        return loader.load(plans).plans().get(0).clawback();
    }

    private List<String> problemsOf(String yaml) {
        return new PlanFileFixture(plans).problemsOf(PLAN + yaml);
    }

    @Test
    void withoutTheNewFieldsTheTermsAreTodays() throws Exception {
        assertThat(clawback("clawback: {window_days: 180, method: PRO_RATA_UNUSED_TERM}\n"))
                .isEqualTo(new PlanTerms.Clawback(180, Method.PRO_RATA_UNUSED_TERM))
                .extracting(PlanTerms.Clawback::recovery).isEqualTo(Recovery.NET_AND_CARRY);
    }

    @Test
    void readsAFixedShareAScheduleAndTheRecovery() throws Exception {
        assertThat(clawback("clawback: {window_days: 180, method: FIXED_SHARE, share: 0.5}\n"))
                .isEqualTo(new PlanTerms.Clawback(180, Method.FIXED_SHARE, new BigDecimal("0.5"), List.of(), null));
        assertThat(clawback("""
                clawback:
                  window_days: 184
                  method: SCHEDULE_BY_MONTHS
                  schedule: [{within_months: 3, share: 1}, {within_months: 6, share: 0.5}]
                  recovery: FULL_NEGATIVE
                """)).isEqualTo(new PlanTerms.Clawback(184, Method.SCHEDULE_BY_MONTHS, null,
                List.of(new Step(3, BigDecimal.ONE), new Step(6, new BigDecimal("0.5"))), Recovery.FULL_NEGATIVE));
    }

    @Test
    void refusesAShareOutsideZeroToOne() throws Exception {
        assertThat(problemsOf("clawback: {window_days: 180, method: FIXED_SHARE, share: 50}\n"))
                .containsExactly("p.yaml: plan X: clawback.share: must be between 0 and 1, was 50");
        assertThat(problemsOf("clawback: {window_days: 180, method: FIXED_SHARE, share: -0.1}\n"))
                .containsExactly("p.yaml: plan X: clawback.share: must not be negative, was -0.1");
    }

    @Test
    void refusesBothAShareAndASchedule() throws Exception {
        assertThat(problemsOf("""
                clawback: {window_days: 180, method: FIXED_SHARE, share: 0.5, schedule: [{within_months: 3, share: 1}]}
                """)).containsExactly(
                "p.yaml: plan X: clawback.share: give either share (a fixed share) or schedule, not both");
    }

    @Test
    void aMethodNeedsItsOwnFieldAndOnlyIt() throws Exception {
        assertThat(problemsOf("clawback: {window_days: 180, method: FIXED_SHARE}\n"))
                .containsExactly("p.yaml: plan X: clawback.share: is required with method FIXED_SHARE");
        assertThat(problemsOf("clawback: {window_days: 180, method: SCHEDULE_BY_MONTHS}\n"))
                .containsExactly("p.yaml: plan X: clawback.schedule: is required with method SCHEDULE_BY_MONTHS");
        assertThat(problemsOf("clawback: {window_days: 180, method: FULL, share: 0.5}\n")).containsExactly(
                "p.yaml: plan X: clawback.share: applies to method FIXED_SHARE only, the method is FULL");
        assertThat(problemsOf("clawback: {window_days: 180, method: FULL, schedule: [{within_months: 3, share: 1}]}\n"))
                .containsExactly("p.yaml: plan X: clawback.schedule: applies to method SCHEDULE_BY_MONTHS only, "
                        + "the method is FULL");
        assertThat(problemsOf("clawback: {window_days: 180, method: SCHEDULE_BY_MONTHS, schedule: []}\n"))
                .containsExactly("p.yaml: plan X: clawback.schedule: needs at least one step");
    }

    @Test
    void refusesAScheduleWhoseMonthsDoNotIncreaseOrWhoseSharesDoNotDecrease() throws Exception {
        assertThat(problemsOf("""
                clawback:
                  window_days: 365
                  method: SCHEDULE_BY_MONTHS
                  schedule:
                    - {within_months: 6, share: 1}
                    - {within_months: 3, share: 0.5}
                    - {within_months: 9, share: 0.5}
                """)).containsExactly(
                "p.yaml: plan X: clawback.schedule[1].within_months: must be above the previous step's 6, was 3",
                "p.yaml: plan X: clawback.schedule[2].share: must be below the previous step's 0.5 (a later "
                        + "cancellation recovers less), was 0.5");
    }

    @Test
    void refusesAStepOutsideZeroToOneOrWithoutMonths() throws Exception {
        assertThat(problemsOf("""
                clawback:
                  window_days: 365
                  method: SCHEDULE_BY_MONTHS
                  schedule: [{within_months: 3, share: 1.2}, {within_months: 0, share: 0.5}, {share: 0.2}]
                """)).containsExactly(
                "p.yaml: plan X: clawback.schedule[0].share: must be between 0 and 1, was 1.2",
                "p.yaml: plan X: clawback.schedule[1].within_months: must be 1 or more, was 0",
                "p.yaml: plan X: clawback.schedule[2].within_months: is required");
    }

    @Test
    void refusesAnUnknownRecovery() throws Exception {
        assertThat(problemsOf("clawback: {window_days: 180, method: FULL, recovery: NEGATIVE}\n")).containsExactly(
                "p.yaml: plan X: clawback.recovery: unknown value 'NEGATIVE' (known: NET_AND_CARRY, FULL_NEGATIVE)");
    }
}
