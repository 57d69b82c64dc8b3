package io.compclose.calculation;

import static io.compclose.support.CliRun.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * Two months closed one after the other through the command line: October, then November, where
 * a retroactive band crossed re-prices October's credit and a cancellation claws back an October
 * payout, an SDR is paid on meetings by attainment and on an MBO score, and the team's pool is paid
 * once the team's bookings reach its target; December pays only the accelerator not paid before.
 * Every figure is computed by hand in the comments.
 */
class YearToDateCloseFunctionalTests {

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            R1,Rita Retro,E1,rita@example.com,AE,,West,AE-RETRO,USD,2026-01-01,
            R2,Carl Claw,E2,carl@example.com,AE,,West,AE-CLAW,USD,2026-01-01,
            R3,Sam Setter,E3,sam@example.com,SDR,,West,SDR-ACT,USD,2026-01-01,
            """;

    private static final String PLANS = """
            plan: AE-RETRO
            version: 1
            name: AE, retroactive accelerator
            effective_from: 2026-01-01
            effective_to: 2026-12-31
            currency: USD
            components:
              - id: bookings
                metric: BOOKINGS_ACV
                quota: 100000
                credit_multipliers: [{when: "type == 'UPSELL'", factor: 1.25}]
                rate_table: {policy: RETROACTIVE, bands: [{from: 0, to: 1.0, rate: 0.08}, {from: 1.0, rate: 0.12}]}
            team_pool: {team: West, metric: BOOKINGS_ACV, target: 150000, pool: 10000, split: BY_CREDIT}
            ---
            plan: AE-CLAW
            version: 1
            name: AE, with clawback
            effective_from: 2026-01-01
            effective_to: 2026-12-31
            currency: USD
            components:
              - id: bookings
                metric: BOOKINGS_ACV
                rate: 0.10
            clawback: {window_days: 180, method: PRO_RATA_UNUSED_TERM}
            team_pool: {team: West, metric: BOOKINGS_ACV, target: 150000, pool: 10000, split: BY_CREDIT}
            ---
            plan: SDR-ACT
            version: 1
            name: SDR, meetings and MBO
            effective_from: 2026-10-01
            effective_to: 2026-12-31
            currency: USD
            target_incentive: 12000
            measurement: MONTH
            components:
              - id: meetings
                metric: ACTIVITY_COUNT
                quota_by_period: {2026-10: 20, 2026-11: 20}
                pay: TARGET_BY_ATTAINMENT
                rate_table: {bands: [{from: 0, to: 1.0, rate: 1.0}, {from: 1.0, rate: 1.5}]}
            mbo: [{objective: PIPELINE, weight: 0.1}]
            """;

    private static final String BOOKINGS_HEADER = "booking_id,booked_on,account_id,account_name,owner_rep_id,type,"
            + "product,acv,tcv,term_months,currency,sourced_by_rep_id,bundle_id\n";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void novemberTruesUpOctoberRepricingAndClawsBackACancelledDeal(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_ytd");
        Path october = inbox("2026-10", BOOKINGS_HEADER
                + "D1,2026-10-05,A1,Alpha,R1,NEW,PLATFORM,40000,,12,USD,,\n"
                + "D2,2026-10-20,A2,Beta,R1,UPSELL,BACKUP,20000,,12,USD,,\n"
                + "E1,2026-10-10,A3,Gamma,R2,NEW,PLATFORM,36000,,12,USD,,\n", Map.of(
                "activities.csv", "activity_id,rep_id,activity_date,type,count\n"
                        + "M1,R3,2026-10-05,DISCOVERY_MEETING,6\n"
                        + "M2,R3,2026-10-12,DISCOVERY_MEETING,4\n",
                "kpis.csv", "rep_id,period,metric,value\n"
                        + "R3,2026-10,MBO:PIPELINE,0.8\n"
                        + "R3,2026-10,MBO:FORECAST,1.2\n"));
        Path november = inbox("2026-11", BOOKINGS_HEADER
                + "D3,2026-11-10,A4,Delta,R1,NEW,PLATFORM,50000,,12,USD,,\n"
                + "E2,2026-11-12,A5,Epsilon,R2,NEW,PLATFORM,40000,,12,USD,,\n", Map.of(
                "cancellations.csv", "cancellation_id,booking_id,cancelled_on,reason\n"
                        + "X1,E1,2026-11-25,customer went bankrupt\n"
                        + "X2,Z9,2026-11-26,unknown booking\n",
                "activities.csv", "activity_id,rep_id,activity_date,type,count\n"
                        + "M3,R3,2026-11-03,DISCOVERY_MEETING,25\n"));

        // October. R1: credit 40,000 + 20,000 x 1.25 = 65,000 (65 % of quota), all at 8 %: 3,200 + 2,000 = 5,200.
        // R2: 36,000 x 10 % = 3,600.
        // R3: 10 meetings of 20 (50 %): 12,000 / 12 x 1.0 x 0.5 = 500; MBO PIPELINE 0.8: 1,000 x 10 % x 0.8 = 80.
        // The MBO score 1.2 is rejected. Team West's pool: 60,000 + 36,000 = 96,000 booked, short of 150,000.
        CliRun oct = CliRun.close("2026-10", october, out, url);
        assertThat(oct.exitCode()).as(oct.toString()).isZero();
        assertThat(oct.out()).contains("Rejected input rows: 1 (kpis.csv 1)");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-10,COMMISSION,5200.00,USD",
                "E2,R2,2026-10,COMMISSION,3600.00,USD",
                "E3,R3,2026-10,COMMISSION,500.00,USD",
                "E3,R3,2026-10,MBO,80.00,USD");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-10.csv"))).contains(
                "kpis.csv,3,value,an MBO score must be between 0 and 1,1.2");

        // November. R1: D3 brings credit to 115,000 (115 %): the retroactive table now pays 12 % on all of it,
        // 13,800 earned to date. October's 65,000 is re-priced +4 % = 2,600, D3 earns 50,000 x 12 % = 6,000;
        // due = 13,800 - 5,200 paid = 8,600.
        // R2: E2 earns 40,000 x 10 % = 4,000. E1 (12 months from 10 Oct) is cancelled on 25 Nov, 46 days after
        // booking, inside the 180-day window; 2 months used (10 Oct-10 Nov, and 10-25 Nov), 10 of 12 unused:
        // 3,600 x 10 / 12 = 3,000 clawed back. Payout 4,000 - 3,000 = 1,000.
        // R3: 25 meetings of 20 (125 %): 1,000 x (1.0 + 0.25 x 1.5) = 1,375; October's window still earns 500
        // from October's stored activities, so earned to date 1,875 - 500 paid = 1,375. No MBO score this month.
        // Team West (R1 and R2 carry the pool; R3's plan does not) booked 110,000 + 76,000 = 186,000 >= 150,000
        // (a cancelled deal keeps its credit): the 10,000 pool by share of credit, R1 10,000 x 110 / 186 =
        // 5,913.978 -> 5,913.98, R2 10,000 x 76 / 186 = 4,086.022 -> 4,086.02.
        // Accelerators (jobs/plans.md): R1's 12 % above quota is 4 % over the 8 % at quota, on all 115,000 once
        // the retroactive band is reached: 4,600 (2,600 re-pricing + 50,000 x 4 %), paid as ACCELERATOR, and
        // 8,600 - 4,600 = 4,000 as COMMISSION. R3's curve pays 1.5 above quota, 0.5 over the 1.0 at quota:
        // 1,000 x 0.25 x 0.5 = 125 as ACCELERATOR, 1,375 - 125 = 1,250 as COMMISSION.
        CliRun nov = CliRun.close("2026-11", november, out, url);
        assertThat(nov.exitCode()).as(nov.toString()).isZero();
        assertThat(nov.out()).contains("Rejected input rows: 1 (cancellations.csv 1)")
                .containsPattern("USD\\s+2\\s+90,000.00\\s+3\\s+20,975.00");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-11,ACCELERATOR,4600.00,USD",
                "E1,R1,2026-11,COMMISSION,4000.00,USD",
                "E1,R1,2026-11,TEAM_POOL,5913.98,USD",
                "E2,R2,2026-11,CLAWBACK,-3000.00,USD",
                "E2,R2,2026-11,COMMISSION,4000.00,USD",
                "E2,R2,2026-11,TEAM_POOL,4086.02,USD",
                "E3,R3,2026-11,ACCELERATOR,125.00,USD",
                "E3,R3,2026-11,COMMISSION,1250.00,USD");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-11.csv"))).contains(
                "cancellations.csv,3,booking_id,unknown booking (not accepted in this or an earlier period),Z9");

        JdbcTemplate jdbc = jdbc(url, out);
        // November's earning lines of R1, each with what produced it
        assertThat(jdbc.queryForList("""
                SELECT line_kind, source_id, source_period, credit, multiplier, band, rate, amount FROM earning_line
                WHERE pay_period = '2026-11' AND rep_id = 'R1' ORDER BY line_no""").stream()
                .map(r -> r.get("line_kind") + " " + r.get("source_id") + " " + r.get("source_period") + " "
                        + plain(r.get("credit")) + " x" + plain(r.get("multiplier")) + " [" + r.get("band") + "] "
                        + plain(r.get("rate")) + " " + plain(r.get("amount"))).toList())
                .containsExactly(
                        "TRANSACTION D1 2026-10 40000 x1 [0–100 % of quota at 8 %] 0.08 3200",
                        "TRANSACTION D2 2026-10 25000 x1.25 [0–100 % of quota at 8 %] 0.08 2000",
                        "REPRICING D3 2026-11 65000 x1 [100 %+ of quota] 0.12 2600",
                        "TRANSACTION D3 2026-11 50000 x1 [100 %+ of quota at 12 %] 0.12 6000");
        // the ledgers carry the year: R1 paid 13,800 to date; R2 paid 7,600 (3,600 + 4,000), the clawback apart
        assertThat(jdbc.queryForList("""
                SELECT rep_id, earned_to_date, due, paid_to_date, clawback_balance, payout FROM rep_ledger
                WHERE pay_period = '2026-11' ORDER BY rep_id""").stream()
                .map(r -> r.get("rep_id") + " " + plain(r.get("earned_to_date")) + " " + plain(r.get("due")) + " "
                        + plain(r.get("paid_to_date")) + " " + plain(r.get("clawback_balance")) + " "
                        + plain(r.get("payout"))).toList())
                .containsExactly("R1 13800 8600 13800 0 14513.98", "R2 7600 4000 7600 0 5086.02",
                        "R3 1875 1375 1875 0 1375");
        // the accelerators are pay lines that say where they come from
        assertThat(jdbc.queryForList("""
                SELECT rep_id, amount, why FROM pay_line WHERE pay_period = '2026-11' AND earning_code = 'ACCELERATOR'
                ORDER BY rep_id""").stream().map(r -> r.get("rep_id") + " " + plain(r.get("amount")) + " " + r.get("why"))
                .toList()).containsExactly(
                        "R1 4600 earned above quota at the accelerator rate to date 4600.00 − paid before 0.00",
                        "R3 125 earned above quota at the accelerator rate to date 125.00 − paid before 0.00");
        // the clawback is a negative line naming the original booking and payout
        assertThat(jdbc.queryForMap("""
                SELECT reference, amount, why FROM pay_line WHERE pay_period = '2026-11' AND earning_code = 'CLAWBACK'
                """)).satisfies(row -> {
            assertThat(row.get("reference")).isEqualTo("E1");
            assertThat(plain(row.get("amount"))).isEqualTo("-3000");
            assertThat(row.get("why")).isEqualTo("clawback of E1 (commission 3600.00 paid in 2026-10), cancelled "
                    + "2026-11-25, 46 days after booking, pro rata: 10 of 12 months of the term unused");
        });
        // reconciliation counted the cancellation rows: 2 read = 1 accepted + 1 rejected
        assertThat(jdbc.queryForList("""
                SELECT stage, row_count FROM control_total WHERE pay_period = '2026-11' AND stage LIKE 'cancellations%'
                ORDER BY stage""").stream().map(r -> r.get("stage") + "=" + r.get("row_count")).toList())
                .containsExactly("cancellations.csv:accepted=1", "cancellations.csv:duplicate=0",
                        "cancellations.csv:read=2", "cancellations.csv:rejected=1");

        // the statements say the same, so each rep can redo the sums
        String rita = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/R1.pdf")));
        assertThat(rita).contains("USD 14,513.98", "ACCELERATOR", "4,600.00", "Re-pricing",
                "team West reached 186000 of 150000", "credit before D3 re-priced at 12 % (retroactive)",
                "2,600.00", "50,000.00 USD 100 % 50,000.00 12 % 6,000.00",
                "Earned this period 8,600.00 + earlier in 2026 5,200.00 = earned to date 13,800.00 USD",
                "earned to date 13,800.00 − paid 5,200.00 = 8,600.00, − 4,600.00 paid as ACCELERATOR = 4,000.00 USD",
                // year to date: 13,800.00 earned, 5,200.00 paid in October; 115,000 of a 100,000 quota
                "Earned to date\n13,800.00\nPaid before\n5,200.00\nBalance carried\n0.00",
                "bookings: ACV 2026 115,000.00 100,000.00 115 % 13,800.00",
                "band 100 %+ of quota at 12 %");
        // the note, written from the plan (its lines wrap on the page)
        assertThat(rita.replace('\n', ' ')).contains("AE-RETRO v1 bookings: Measures credited ACV against a quota of 100,000 USD a year, over the year to "
                        + "date; retroactive rates (the rate of the highest band reached applies to all credit): "
                        + "0–100 % of quota at 8 %, 100 %+ of quota at 12 %; credit ×1.25 where type == 'UPSELL'.");
        String carl = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/R2.pdf")));
        assertThat(carl).contains("USD 5,086.02", "CLAWBACK", "clawback of E1", "-3,000.00", "4,000.00",
                "clawback of E1 (commission 3,600.00 paid in 2026-10)", "Paid before\n3,600.00");
        // counts read as counts: 25 meetings of 20 this month
        String sam = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/R3.pdf")));
        assertThat(sam).contains("meetings: activities 2026-11 25 20 125 % 1,375.00");
        assertThat(sam.replace('\n', ' ')).contains("a marginal curve (each band's multiplier applies to the attainment inside it): 0–100 % of quota ×1, "
                        + "100 %+ of quota ×1.5");

        // closing November again changes nothing: the true-up never pays twice
        CliRun again = CliRun.close("2026-11", november, out, url);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed");
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM payout WHERE pay_period = '2026-11'",
                java.math.BigDecimal.class)).isEqualByComparingTo("20975.00");

        // December: D4 10,000 brings R1 to 125,000: earned to date 125,000 x 12 % = 15,000 - 13,800 paid = 1,200.
        // Accelerator to date 125,000 x 4 % = 5,000, of which 4,600 was paid as ACCELERATOR in November (read
        // back from November's pay lines): ACCELERATOR 400, COMMISSION 1,200 - 400 = 800
        Path december = inbox("2026-12", BOOKINGS_HEADER + "D4,2026-12-02,A6,Zeta,R1,NEW,PLATFORM,10000,,12,USD,,\n",
                Map.of());
        CliRun dec = CliRun.close("2026-12", december, out, url);
        assertThat(dec.exitCode()).as(dec.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-12.csv")).stream()
                .filter(row -> row.matches("E1,R1,2026-12,(COMMISSION|ACCELERATOR),.*"))).containsExactly(
                        "E1,R1,2026-12,ACCELERATOR,400.00,USD", "E1,R1,2026-12,COMMISSION,800.00,USD");
    }

    private Path inbox(String period, String bookings, Map<String, String> otherFiles) throws Exception {
        return TestInbox.write(work, period, REPS, PLANS, TestInbox.with(otherFiles, "bookings.csv", bookings));
    }

    private static JdbcTemplate jdbc(String url, Path out) {
        return new CloseFixture(out, url, false).jdbc();
    }
}
