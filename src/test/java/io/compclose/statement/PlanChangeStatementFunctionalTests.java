package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.support.CliRun;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * A rep whose plan changes on 16 October, and a manager with nothing rolled up: the statement names each
 * plan version with its days and which version priced each deal, never cuts a long plan name, shows one
 * attainment per component against the year's quota, explains the commission to its own amount, says
 * why the manager is paid nothing, and prints the employer and contact configured.
 */
class PlanChangeStatementFunctionalTests {

    @TempDir
    Path work;

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            M1,Mo Manager,EMP-M1,mo@example.com,MANAGER,,West,MG-2026,USD,2026-10-01,
            P1,Pat Change,EMP-P1,pat@example.com,AE,M1,West,QA-2026,USD,2026-10-01,2026-10-15
            P1,Pat Change,EMP-P1,pat@example.com,AM,M1,West,QB-2026,USD,2026-10-16,
            """;

    private static final String PLANS = """
            plan: QA-2026
            version: 1
            name: Account Executive Enterprise EMEA and Americas, FY2026
            effective_from: 2026-10-01
            currency: USD
            components:
              - id: bookings
                metric: BOOKINGS_ACV
                quota: 200000
                rate_table: {policy: MARGINAL, bands: [{from: 0, rate: 0.10}]}
            ---
            plan: QB-2026
            version: 1
            name: Account Manager, FY2026
            effective_from: 2026-10-01
            currency: USD
            components:
              - id: bookings
                metric: BOOKINGS_ACV
                quota: 250000
                rate_table: {policy: MARGINAL, bands: [{from: 0, rate: 0.05}]}
            ---
            plan: MG-2026
            version: 1
            name: Sales Manager, FY2026
            effective_from: 2026-10-01
            currency: USD
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.01}]
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void theStatementShowsEachPlanVersionAndWhatItPriced(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_planchange");

        // N1 on 5 October, under QA-2026: 40,000 × 10 % = 4,000.00.
        // N2 on 20 October, under QB-2026: 60,000 × 5 % = 3,000.00.
        // Earned to date 4,000 + 3,000 = 7,000.00 − paid 0.00 = commission 7,000.00.
        // bookings: credit 40,000 + 60,000 = 100,000 against the year's quota, QB-2026's 250,000: 40 %.
        CliRun run = CliRun.close("2026-10", TestInbox.write(work, "2026-10", REPS, PLANS, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER
                        + "N1,2026-10-05,ACC-1,Alpha Inc,P1,NEW,PLATFORM,40000,,12,USD,,\n"
                        + "N2,2026-10-20,ACC-2,Beta Corp,P1,NEW,PLATFORM,60000,,12,USD,,\n")), out, url,
                "--compclose.review.enabled=false", "--compclose.statement.employer.company=Initech Sales GmbH",
                "--compclose.statement.employer.pay-day=15",
                "--compclose.statement.employer.contact-name=Fiona Finance",
                "--compclose.statement.employer.contact-email=fiona@example.com",
                "--compclose.statement.employer.console-url=https://comp.example.com/");
        String pat = statement(run, out, "2026-10", "P1", "EMP-P1,P1,2026-10,COMMISSION,7000.00,USD");
        assertThat(pat).contains(
                "QA-2026 v1 · Account Executive Enterprise EMEA and Americas, FY2026 · to 2026-10-15",
                "QB-2026 v1 · Account Manager, FY2026 · from 2026-10-16",
                "bookings: ACV 2026 100,000.00 250,000.00 40 % 7,000.00",
                "Priced by QA-2026 v1 · Account Executive Enterprise EMEA and Americas, FY2026 · to 2026-10-15\n"
                        + "N1 2026-10-05 Alpha Inc NEW PLATFORM 40,000.00 USD 100 % 40,000.00 10 % 4,000.00",
                "Priced by QB-2026 v1 · Account Manager, FY2026 · from 2026-10-16\n"
                        + "N2 2026-10-20 Beta Corp NEW PLATFORM 60,000.00 USD 100 % 60,000.00 5 % 3,000.00",
                "COMMISSION earned to date 7,000.00 − paid 0.00 = 7,000.00 USD 7,000.00",
                "Initech Sales GmbH",
                "Pay date 2026-11-15",
                "Questions about your pay: Fiona Finance · fiona@example.com",
                "Question about this statement? https://comp.example.com/statements/2026-10/P1",
                "Initech Sales GmbH · October 2026 · P1");
        assertThat(pat).doesNotContain("…", "(QA-2026 v1)");

        String mo = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10/M1.pdf")));
        assertThat(mo.replace('\n', ' ')).contains("USD 0.00",
                "MG-2026 v1 · Sales Manager, FY2026",
                "bookings: ACV 2026 0.00 no quota 0.00",
                "No roll-up credit this period: no booking of your team was credited to you, so your plan MG-2026 v1 "
                        + "earned nothing on it");

        november(out, url);
    }

    /**
     * November: N1 (QA-2026, which has no clawback terms) is cancelled, N3's splits total 90 % so it is held,
     * and N4 is credited under QB-2026.
     */
    private void november(Path out, String url) throws Exception {
        // N4 60,000 × 5 % = 3,000.00. Earned to date 4,000 + 3,000 + 3,000 = 10,000.00 − paid 7,000.00 = 3,000.00.
        // bookings: credit 40,000 + 60,000 + 60,000 = 160,000 of 250,000: 64 %.
        CliRun run = CliRun.close("2026-11", TestInbox.write(work, "2026-11", REPS, PLANS, Map.of(
                "bookings.csv", TestInbox.BOOKINGS_HEADER
                        + "N3,2026-11-10,ACC-3,Gamma Ltd,P1,NEW,PLATFORM,20000,,12,USD,,\n"
                        + "N4,2026-11-12,ACC-4,Delta plc,P1,NEW,PLATFORM,60000,,12,USD,,\n",
                "splits.csv", "booking_id,rep_id,percent,role\nN3,P1,60,AE\nN3,M1,30,AE\n",
                "cancellations.csv", "cancellation_id,booking_id,cancelled_on,reason\nC1,N1,2026-11-04,customer insolvent\n")),
                out, url, "--compclose.review.enabled=false");
        String pat = statement(run, out, "2026-11", "P1", "EMP-P1,P1,2026-11,COMMISSION,3000.00,USD");
        assertThat(pat).contains(
                "COMMISSION earned to date 10,000.00 − paid 7,000.00 = 3,000.00 USD 3,000.00",
                "bookings: ACV 2026 160,000.00 250,000.00 64 % 10,000.00",
                "N1 cancelled 2026-11-04 (customer insolvent); this plan recovers nothing",
                "N3 booked 2026-11-10 is held: not credited (its splits total 90 %, not 100 %",
                // the year so far: October paid 7,000.00 at 40 %, November 3,000.00 at 64 %
                "2026-10 · bookings 2026 100,000.00 250,000.00 40 % 7,000.00",
                "2026-11 · bookings 2026 160,000.00 250,000.00 64 % 3,000.00");
    }

    /** The rep's statement of a close that completed paying exactly the payroll rows given. */
    private static String statement(CliRun run, Path out, String period, String rep, String... payroll)
            throws Exception {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-" + period + ".csv")).stream().skip(1))
                .containsExactly(payroll);
        return Pdfs.text(Files.readAllBytes(out.resolve("statements/" + period + "/" + rep + ".pdf")));
    }
}
