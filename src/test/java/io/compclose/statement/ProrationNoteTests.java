package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.calculation.InForce;
import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanLoader;
import io.compclose.rules.Conditions;

/** "How this was calculated" for a prorated plan version: its quota and target × the part of the year in force. */
class ProrationNoteTests {

    @TempDir
    Path plans;

    private List<Plan> plans(String yaml) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), yaml);
        return new PlanLoader(Conditions::problem).load(plans).plans();
    }

    @Test
    void aVersionFromJulyShowsItsQuotaFor184DaysOfTheYear() throws Exception {
        List<Plan> ae = plans("""
                plan: AE
                version: 1
                effective_from: 2026-01-01
                currency: USD
                proration: {by: DAYS}
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: 1200000, rate: 0.05}]
                ---
                plan: AE
                version: 2
                effective_from: 2026-07-01
                currency: USD
                target_incentive: 60000
                proration: {by: DAYS}
                components:
                  - {id: bookings, metric: BOOKINGS_ACV, quota: 1800000, pay: TARGET_BY_ATTAINMENT,
                     rate_table: {bands: [{from: 0, rate: 1.0}]}}
                """);
        Plan july = ae.get(1);

        // version 2 takes over from 1 July: 31 + 31 + 30 + 31 + 30 + 31 = 184 days of 365;
        // 1,800,000 × 184 ÷ 365 = 907,397.26; 60,000 × 184 ÷ 365 = 30,246.58
        assertThat(ComponentNote.of(july, july.components().get(0), InForce.ofYear(july, ae, java.time.YearMonth.of(2026, 12), io.compclose.core.plan.FiscalYear.CALENDAR))).isEqualTo(
                "Measures credited ACV against a quota of 1,800,000 USD a year, over the year to date; prorated by "
                        + "days in force: quota 1,800,000 × 184/365 days = 907,397.26 USD, target incentive 60,000 × "
                        + "184/365 days = 30,246.58 USD; the year's attainment is the credit of every version of the "
                        + "plan ÷ the sum of their prorated quotas; payout = target incentive of the window × "
                        + "curve(attainment), a marginal curve (each band's multiplier applies to the attainment "
                        + "inside it): 0 %+ of quota ×1.");
        // version 1 is open-ended, but version 2 takes its days from 1 July: 181 days
        Plan january = ae.get(0);
        assertThat(ComponentNote.of(january, january.components().get(0), InForce.ofYear(january, ae, java.time.YearMonth.of(2026, 12), io.compclose.core.plan.FiscalYear.CALENDAR)))
                .contains("prorated by days in force: quota 1,200,000 × 181/365 days = 595,068.49 USD");
    }
}
