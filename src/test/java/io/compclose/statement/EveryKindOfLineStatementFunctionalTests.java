package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.support.CliRun;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * One rep whose November statement has every kind of line: bookings with a band, a multiplier and
 * a per-deal cap, a clawback naming the October booking and payout, a draw, a SPIFF, a milestone
 * bonus, an MBO score and a manual adjustment; its figures, worked out by hand below, are read
 * back from the PDF and equal the payroll file.
 */
class EveryKindOfLineStatementFunctionalTests {

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            E1,Eve Every,EMP-1,eve@example.com,AE,,West,EVERY-2026,USD,2026-10-01,
            """;

    private static final String PLAN = """
            plan: EVERY-2026
            version: 1
            name: Every kind of line
            effective_from: 2026-10-01
            currency: USD
            target_incentive: 12000
            components:
              - id: bookings
                metric: BOOKINGS_ACV
                quota: 200000
                credit_multipliers: [{when: "type == 'UPSELL'", factor: 1.25}]
                rate_table: {policy: MARGINAL, bands: [{from: 0, to: 0.5, rate: 0.10}, {from: 0.5, rate: 0.20}]}
                caps: {per_deal: 3000}
            spiffs: [{id: q4-cross, from: 2026-10-01, to: 2026-12-31, when: "type == 'CROSS_SELL'", amount_per_deal: 500}]
            bonuses: [{id: first-70k, metric: BOOKINGS_ACV, at_least: 70000, amount: 1000, once_per: YEAR}]
            mbo: [{objective: PIPELINE, weight: 0.1}]
            draw: {kind: RECOVERABLE, per_period: 2500, periods: 3}
            clawback: {window_days: 180, method: FULL}
            """;

    private static final String BOOKINGS = TestInbox.BOOKINGS_HEADER;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void theNovemberStatementShowsEveryKindOfLineAndEqualsPayroll(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_every");

        // October: O2, an upsell of 20,000 × 1.25 = 25,000 of credit, all in the 0–50 % band: 2,500.00.
        // Paid 2,500.00; the draw of 2,500 is met, so no draw.
        close("2026-10", Map.of("bookings.csv", BOOKINGS + "O2,2026-10-12,ACC-2,Beta Corp,E1,UPSELL,PLATFORM,20000,,12,USD,,\n"),
                out, url);
        assertThat(payroll(out, "2026-10")).containsExactly("EMP-1,E1,2026-10,COMMISSION,2500.00,USD");

        // November. Credit to date 25,000 + 40,000 + 10,000 + 5,000 = 80,000 of a 200,000 quota: 40 %,
        // still in the 0–50 % band at 10 %.
        //   N1 NEW 40,000 × 10 % = 4,000, capped per deal at 3,000 (1,000 removed)
        //   N2 CROSS_SELL 10,000 × 10 % = 1,000, and the q4-cross SPIFF 500
        //   N3 UPSELL 4,000 × 1.25 = 5,000 × 10 % = 500
        // Earned to date 2,500 + 3,000 + 1,000 + 500 = 7,000 − paid 2,500 = commission 4,500.
        // O2 cancelled on 10 November: its 2,500 is clawed back in full. Net 2,000 is below the draw of
        // 2,500: a recoverable advance of 500. Outside quota: SPIFF 500, the first-70k bonus 1,000 (credit
        // 80,000 ≥ 70,000), MBO 12,000 / 12 × 10 % × 0.8 = 80, adjustment A1 150.
        // Payout 4,500 − 2,500 + 500 + 500 + 1,000 + 80 + 150 = 4,230.00.
        close("2026-11", Map.of(
                "bookings.csv", BOOKINGS
                        + "N1,2026-11-03,ACC-1,Alpha Inc,E1,NEW,PLATFORM,40000,,12,USD,,\n"
                        + "N2,2026-11-05,ACC-3,Gamma Ltd,E1,CROSS_SELL,BACKUP,10000,,12,USD,,\n"
                        + "N3,2026-11-07,ACC-4,Delta plc,E1,UPSELL,ANALYTICS,4000,,12,USD,,\n",
                "cancellations.csv", "cancellation_id,booking_id,cancelled_on,reason\nC1,O2,2026-11-10,customer insolvent\n",
                "kpis.csv", "rep_id,period,metric,value\nE1,2026-11,MBO:PIPELINE,0.8\n",
                "adjustments.csv", "adjustment_id,rep_id,amount,currency,reason,approved_by\n"
                        + "A1,E1,150.00,USD,referral fee missed in October,Fiona Finance\n"), out, url);

        assertThat(payroll(out, "2026-11")).containsExactlyInAnyOrder(
                "EMP-1,E1,2026-11,COMMISSION,4500.00,USD",
                "EMP-1,E1,2026-11,CLAWBACK,-2500.00,USD",
                "EMP-1,E1,2026-11,DRAW,500.00,USD",
                "EMP-1,E1,2026-11,SPIFF,500.00,USD",
                "EMP-1,E1,2026-11,BONUS,1000.00,USD",
                "EMP-1,E1,2026-11,MBO,80.00,USD",
                "EMP-1,E1,2026-11,ADJUSTMENT,150.00,USD");

        String eve = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/E1.pdf")));
        String flat = eve.replace('\n', ' ');
        assertThat(eve).contains(
                "USD 4,230.00",
                // the year to date: 7,000 earned, 2,500 paid in October, the draw still to recover
                "Earned to date\n7,000.00\nPaid before\n2,500.00\nBalance carried\n0.00",
                "draw advanced, to recover 500.00",
                // where the component stands: 80,000 of 200,000
                "bookings: ACV 2026 80,000.00 200,000.00 40 % 7,000.00",
                // each booking with its share, multiplier and rate; the cap shows what it removed
                "N1 2026-11-03 Alpha Inc NEW PLATFORM 40,000.00 USD 100 % 40,000.00 10 % 3,000.00",
                "N2 2026-11-05 Gamma Ltd CROSS_SELL BACKUP 10,000.00 USD 100 % 10,000.00 10 % 1,000.00",
                "N3 2026-11-07 Delta plc UPSELL ANALYTICS 4,000.00 USD 100 % ×1.25 5,000.00 10 % 500.00",
                "Commission per deal, on N1 3,000.00 1,000.00",
                // the pay lines, each with its reason
                // each reason adds up to its line's amount, grouped like every other figure
                "COMMISSION earned to date 7,000.00 − paid 2,500.00 = 4,500.00 USD 4,500.00",
                "clawback of O2 (commission 2,500.00 paid in 2026-10)",
                "-2,500.00",
                "DRAW recoverable draw: advance up to 2,500.00 500.00",
                "q4-cross",
                "BONUS bonus first-70k",
                "MBO",
                "80.00",
                "ADJUSTMENT adjustment A1: referral fee missed in October (approved by Fiona Finance) 150.00",
                "Total payout USD 4,230.00");
        assertThat(flat).contains("EVERY-2026 v1 bookings: Measures credited ACV against a quota of 200,000 USD a year, "
                + "over the year to date; marginal rates (each band's rate applies only to the credit inside it): "
                + "0–50 % of quota at 10 %, 50 %+ of quota at 20 %; credit ×1.25 where type == 'UPSELL'; at most "
                + "3,000 USD per deal.");
    }

    private void close(String period, Map<String, String> files, Path out, String url) throws Exception {
        // with the review gate off: the plan's target incentive (12,000 a year) is small beside what its rates pay,
        // and November's 4,230 is above 3 x 1,000, which the gate would stop for review
        CliRun run = CliRun.close(period, TestInbox.write(work, period, REPS, PLAN, files), out, url,
                "--compclose.review.enabled=false");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Rejected input rows: 0");
    }

    private static List<String> payroll(Path out, String period) throws Exception {
        return Files.readAllLines(out.resolve("payroll/payroll-" + period + ".csv")).stream().skip(1).toList();
    }
}
