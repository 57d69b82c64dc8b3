package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanLoader;
import io.compclose.rules.Conditions;

/** The clawback terms in the component's "How this was calculated". */
class ClawbackNoteTests {

    private static final String PLAN = """
            plan: AE-CB
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.08}]
            """;
    private static final String FLAT = "Commission = credited ACV × 8 %, rounded half-even to the cent per booking.";

    @TempDir
    Path plans;

    private String note(String clawback) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), PLAN + clawback);
        Plan plan = new PlanLoader(Conditions::problem).load(plans).plans().get(0);
        return ComponentNote.of(plan, plan.components().get(0));
    }

    @Test
    void aScheduleAndFullPostingAreSpelledOut() throws Exception {
        assertThat(note("""
                clawback:
                  window_days: 365
                  method: SCHEDULE_BY_MONTHS
                  schedule: [{within_months: 1, share: 1}, {within_months: 6, share: 0.5}]
                  recovery: FULL_NEGATIVE
                """)).isEqualTo(FLAT + " Clawback: when a booking is cancelled within 365 days of booking, the "
                + "commission paid on it is clawed back by months since booking: 100 % if cancelled within 1 month, "
                + "50 % if cancelled within 6 months, nothing later (within N months ends the day before the N-month "
                + "anniversary of booking); the clawback is taken in full in the period of the cancellation, even "
                + "when that makes the period's pay negative.");
    }

    @Test
    void aFixedShareCarriedAndFullPostingOfAnOlderMethod() throws Exception {
        assertThat(note("clawback: {window_days: 180, method: FIXED_SHARE, share: 0.5}\n")).isEqualTo(FLAT
                + " Clawback: when a booking is cancelled within 180 days of booking, 50 % of the commission paid on "
                + "it is clawed back; a clawback larger than the period's pay is carried forward and recovered from "
                + "later pay.");
        assertThat(note("clawback: {window_days: 90, method: FULL, recovery: FULL_NEGATIVE}\n")).isEqualTo(FLAT
                + " Clawback: when a booking is cancelled within 90 days of booking, all the commission paid on it "
                + "is clawed back; the clawback is taken in full in the period of the cancellation, even when that "
                + "makes the period's pay negative.");
    }

    @Test
    void aCancellationAfterTheSchedulesLastStepIsExplainedOnTheStatement() throws Exception {
        Files.writeString(plans.resolve("p.yaml"), PLAN + """
                clawback:
                  window_days: 365
                  method: SCHEDULE_BY_MONTHS
                  schedule: [{within_months: 3, share: 1}, {within_months: 6, share: 0.5}]
                """);
        Plan plan = new PlanLoader(Conditions::problem).load(plans).plans().get(0);
        LocalDate booked = LocalDate.of(2026, 1, 15);
        // 2026-07-15 is the 6-month anniversary: past the last step, though within the 365-day window (181 days)
        assertThat(new StatementNotPaid("B-1", booked, LocalDate.of(2026, 7, 15), "customer left").describe(plan))
                .isEqualTo("B-1 cancelled 2026-07-15 (customer left): after this plan's clawback schedule, which ends "
                        + "6 months after booking, nothing is recovered");
        // a day earlier the schedule would recover 50 %: nothing was recovered because nothing was paid
        assertThat(new StatementNotPaid("B-1", booked, LocalDate.of(2026, 7, 14), null).describe(plan))
                .isEqualTo("B-1 cancelled 2026-07-14; no commission was paid on it, so nothing is recovered");
    }

    @Test
    void todaysTermsLeaveTheNoteAsItWas() throws Exception {
        // in full or pro rata, carried: the clawback line says it (as the demo's statements do)
        assertThat(note("clawback: {window_days: 180, method: PRO_RATA_UNUSED_TERM}\n")).isEqualTo(FLAT);
        assertThat(note("")).isEqualTo(FLAT);
    }
}
