package io.compclose.crediting;

import static io.compclose.support.CliRun.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;

/**
 * A close credited by crediting.yaml: a deal split between two AEs, sourced by an SDR and rolled up
 * to their manager; a renewal credited to the account's CSM as overlay; a deal whose splits do not
 * total 100 %, which no rule credits. Figures computed by hand in the comments.
 */
class CreditingCloseFunctionalTests {

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            M1,Mia Manager,E1,mia@example.com,MANAGER,,West,MGR,USD,2026-01-01,
            R1,Rob Rep,E2,rob@example.com,AE,M1,West,AE,USD,2026-01-01,
            R2,Rae Rep,E3,rae@example.com,AE,M1,West,AE,USD,2026-01-01,
            C1,Cal Csm,E4,cal@example.com,CSM,M1,West,CSM,USD,2026-01-01,
            S1,Sid Sdr,E5,sid@example.com,SDR,M1,West,SDR,USD,2026-01-01,
            """;

    private static final String PLANS = """
            plan: MGR
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: team-bookings, metric: BOOKINGS_ACV, rate: 0.01}]
            ---
            plan: AE
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
            ---
            plan: CSM
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: renewals, metric: RENEWAL_ACV, rate: 0.02}]
            ---
            plan: SDR
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: sourced, metric: SOURCED_ACV, rate: 0.05}]
            """;

    private static final String CREDITING = """
            rules:
              - {id: owner-or-splits, kind: PRIMARY}
              - {id: csm-renewals, kind: OVERLAY, role: CSM, when: "type == 'RENEWAL'"}
              - {id: managers, kind: ROLLUP}
              - {id: sdr, kind: SOURCED}
            """;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void creditsFollowTheConfiguredRulesAndAnUncreditedDealIsShownNotPaid(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_credit");
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox.resolve("plans"));
        Files.writeString(inbox.resolve("reps.csv"), REPS);
        Files.writeString(inbox.resolve("plans/plans.yaml"), PLANS);
        Files.writeString(inbox.resolve("crediting.yaml"), CREDITING);
        Files.writeString(inbox.resolve("bookings.csv"), """
                booking_id,booked_on,account_id,account_name,owner_rep_id,type,product,acv,currency,sourced_by_rep_id
                B1,2026-10-05,A1,Acme,R1,NEW,PLATFORM,100000,USD,S1
                B2,2026-10-12,A2,Beta,R2,RENEWAL,PLATFORM,50000,USD,
                B3,2026-10-20,A3,Gamma,R1,NEW,PLATFORM,10000,USD,
                """);
        Files.writeString(inbox.resolve("splits.csv"), """
                booking_id,rep_id,percent,role
                B1,R1,60,AE
                B1,R2,40,AE
                B3,R1,70,AE
                B3,R2,20,AE
                B9,R1,50,AE
                """);
        Files.writeString(inbox.resolve("account_owners.csv"), """
                account_id,rep_id,role,effective_from,effective_to
                A2,C1,CSM,2026-01-01,
                """);

        Files.writeString(inbox.resolve("adjustments.csv"), """
                adjustment_id,rep_id,amount,currency,reason,approved_by
                ADJ1,R1,250.00,USD,Q3 territory correction,M1
                ADJ2,R2,100.00,USD,self-service,R2
                ADJ3,C1,50.00,EUR,wrong currency,M1
                """);

        // with the review gate off: B3, credited to nobody, would stop the close for review, and this test reads
        // what the close pays and lists
        CliRun run = CliRun.close("2026-10", inbox, out, url, "--compclose.review.enabled=false");

        // R1: 60 % of B1 = 60,000 x 10 % = 6,000. R2: 40 % of B1 = 40,000 + B2 50,000 = 90,000 x 10 % = 9,000.
        // M1: roll-up of B1 (60 % + 40 %, once) 100,000 + B2 50,000 = 150,000 x 1 % = 1,500.
        // C1: the CSM of A2, overlay on the renewal B2: 50,000 x 2 % = 1,000. S1: sourced B1, 100,000 x 5 % = 5,000.
        // B3's splits total 90 %: nobody is credited, finance sees it. B9 is not a booking of the period.
        // R1's approved adjustment of 250.00 is paid as it is; a self-approved one and one in EUR are rejected.
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Rejected input rows: 3 (adjustments.csv 2, splits.csv 1)",
                "Bookings no crediting rule credits (not paid, review them): 1",
                "B3: its splits total 90 %, not 100 % (splits.csv lines 4, 5)");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,M1,2026-10,COMMISSION,1500.00,USD",
                "E2,R1,2026-10,ADJUSTMENT,250.00,USD",
                "E2,R1,2026-10,COMMISSION,6000.00,USD",
                "E3,R2,2026-10,COMMISSION,9000.00,USD",
                "E4,C1,2026-10,COMMISSION,1000.00,USD",
                "E5,S1,2026-10,COMMISSION,5000.00,USD");

        JdbcTemplate jdbc = new CloseFixture(out, url, false).jdbc();
        assertThat(jdbc.queryForList("""
                SELECT booking_id, rep_id, credit_kind, credit_share, original_amount, rule_name, lineage FROM credit
                WHERE pay_period = '2026-10' ORDER BY booking_id, credit_kind, rep_id""").stream()
                .map(r -> r.get("booking_id") + " " + r.get("rep_id") + " " + r.get("credit_kind") + " "
                        + plain(r.get("credit_share")) + " " + plain(r.get("original_amount")) + " " + r.get("rule_name")
                        + " | " + r.get("lineage")).toList())
                .containsExactly(
                        "B1 R1 PRIMARY 0.6 60000 owner-or-splits | bookings.csv:2 + splits.csv:2",
                        "B1 R2 PRIMARY 0.4 40000 owner-or-splits | bookings.csv:2 + splits.csv:3",
                        "B1 M1 ROLLUP 1 100000 managers | reps.csv:3 (R1 → M1) + reps.csv:4 (R2 → M1)",
                        "B1 S1 SOURCED 1 100000 sdr | bookings.csv:2 sourced_by_rep_id",
                        "B2 C1 OVERLAY 1 50000 csm-renewals | account_owners.csv:2",
                        "B2 R2 PRIMARY 1 50000 owner-or-splits | bookings.csv:3",
                        "B2 M1 ROLLUP 1 50000 managers | reps.csv:4 (R2 → M1)");
        assertThat(jdbc.queryForObject("SELECT why FROM pay_line WHERE earning_code = 'ADJUSTMENT'", String.class))
                .isEqualTo("adjustment ADJ1: Q3 territory correction (approved by M1)");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-10.csv"))).contains(
                "adjustments.csv,3,approved_by,the rep cannot approve their own adjustment,R2",
                "adjustments.csv,4,currency,differs from the rep's pay currency USD,EUR");
        // booked 160,000 = primary credit 150,000 + uncredited 10,000
        assertThat(jdbc.queryForList("""
                SELECT stage, amount FROM control_total WHERE pay_period = '2026-10' AND currency = 'USD'
                AND stage IN ('booked_acv', 'credited_acv_booked_currency', 'uncredited_acv') ORDER BY stage""")
                .stream().map(r -> r.get("stage") + " " + plain(r.get("amount"))).toList())
                .containsExactly("booked_acv 160000", "credited_acv_booked_currency 150000", "uncredited_acv 10000");
    }
}
