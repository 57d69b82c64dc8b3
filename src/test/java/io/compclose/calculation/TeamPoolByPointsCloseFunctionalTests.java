package io.compclose.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * A team pool on a KPI shared by points (issue 22, item 8), closed through the command line: the
 * members' KPI figures make the team's credit, pool_points.csv gives each their points, bad points rows
 * are rejected by file, line and column, and each member's share reaches payroll and the statement.
 */
class TeamPoolByPointsCloseFunctionalTests {

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            R1,Rita Pipe,E1,rita@example.com,AE,,West,AE-POOL,USD,2026-01-01,
            R2,Carl Pipe,E2,carl@example.com,AE,,West,AE-POOL,USD,2026-01-01,
            R3,Sam Pipe,E3,sam@example.com,AE,,West,AE-POOL,USD,2026-01-01,
            R4,Eve East,E4,eve@example.com,AE,,East,AE-10,USD,2026-01-01,
            """;

    private static final String PLANS = """
            plan: AE-POOL
            version: 1
            effective_from: 2026-01-01
            effective_to: 2026-12-31
            currency: USD
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
            team_pool: {team: West, metric: KPI:PIPELINE, target: 100000, pool: 10000, split: BY_POINTS}
            ---
            """ + TestInbox.AE_10_PLAN;

    private static final String BOOKINGS = TestInbox.BOOKINGS_HEADER
            + "D1,2026-11-05,A1,Alpha,R1,NEW,PLATFORM,10000,,12,USD,,\n"
            + "D2,2026-11-06,A2,Beta,R2,NEW,PLATFORM,10000,,12,USD,,\n"
            + "D3,2026-11-07,A3,Gamma,R3,NEW,PLATFORM,10000,,12,USD,,\n"
            + "D4,2026-11-08,A4,Delta,R4,NEW,PLATFORM,10000,,12,USD,,\n";

    private static final String KPIS = """
            rep_id,period,metric,value
            R1,2026-11,PIPELINE,50000
            R2,2026-11,PIPELINE,40000
            R3,2026-10,PIPELINE,20000
            """;

    @TempDir
    Path work;

    @Test
    void eachMemberIsPaidTheirPointsShareOfTheTeamsPoolAndTheStatementSaysSo() throws Exception {
        // given points of 30, 50 and 20 for November, and four bad rows
        Path out = work.resolve("out");
        String url = TestDatabases.of("h2", out, "compclose_pool_points");
        Path inbox = TestInbox.write(work, "2026-11", REPS, PLANS, Map.of("bookings.csv", BOOKINGS, "kpis.csv", KPIS,
                "pool_points.csv", """
                        period,team,rep_id,points
                        2026-11,West,R1,30
                        2026-11,West,R2,50
                        2026-11,West,R3,20
                        2026-11,West,R2,-5
                        2026-11,West,R9,10
                        2026-11,West,R4,10
                        2026-10,West,R1,10
                        """));

        // when November is closed
        CliRun nov = CliRun.close("2026-11", inbox, out, url);

        // then: each books 10,000 x 10 % = 1,000. Team West's PIPELINE to date: R1 50,000 + R2 40,000 + R3's
        // October 20,000 = 110,000 >= 100,000, so the 10,000 pool is paid, by points of 30 + 50 + 20 = 100:
        // R1 10,000 x 30 / 100 = 3,000, R2 x 50 / 100 = 5,000, R3 x 20 / 100 = 2,000. R4 (East) has no pool.
        assertThat(nov.exitCode()).as(nov.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-11,COMMISSION,1000.00,USD",
                "E1,R1,2026-11,TEAM_POOL,3000.00,USD",
                "E2,R2,2026-11,COMMISSION,1000.00,USD",
                "E2,R2,2026-11,TEAM_POOL,5000.00,USD",
                "E3,R3,2026-11,COMMISSION,1000.00,USD",
                "E3,R3,2026-11,TEAM_POOL,2000.00,USD",
                "E4,R4,2026-11,COMMISSION,1000.00,USD");
        // (a raw value starting with '-' is quoted so that a spreadsheet reads it as text)
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-11.csv"))).contains(
                "pool_points.csv,5,points,must not be negative,'-5",
                "pool_points.csv,6,rep_id,unknown rep (no accepted row in reps.csv),R9",
                "pool_points.csv,7,team,\"rep R4 is in team East in 2026-11, not West\",West",
                "pool_points.csv,8,period,not the pay period 2026-11 nor its year 2026,2026-10");

        JdbcTemplate jdbc = new CloseFixture(out, url, false).jdbc();
        assertThat(jdbc.queryForList("SELECT rep_id, why FROM pay_line WHERE pay_period = '2026-11' "
                + "AND earning_code = 'TEAM_POOL' ORDER BY rep_id").stream()
                .map(r -> r.get("rep_id") + ": " + r.get("why")).toList()).containsExactly(
                "R1: team West reached 110000 of 100000; pool 10000, share by points 30 / 100",
                "R2: team West reached 110000 of 100000; pool 10000, share by points 50 / 100",
                "R3: team West reached 110000 of 100000; pool 10000, share by points 20 / 100");
        // reconciliation counted the points rows: 7 read = 3 accepted + 4 rejected
        assertThat(jdbc.queryForList("""
                SELECT stage, row_count FROM control_total WHERE pay_period = '2026-11'
                AND stage LIKE 'pool_points%' ORDER BY stage""").stream()
                .map(r -> r.get("stage") + "=" + r.get("row_count")).toList())
                .containsExactly("pool_points.csv:accepted=3", "pool_points.csv:duplicate=0",
                        "pool_points.csv:read=7", "pool_points.csv:rejected=4");

        String carl = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/R2.pdf"))).replace('\n', ' ');
        assertThat(carl).contains("TEAM_POOL", "5,000.00", "share by points 50 / 100");
    }

    @Test
    void aPoolDueWithoutPointsStopsTheCloseUntilThePointsArrive() throws Exception {
        // given the same team past its target, and no pool_points.csv
        Path out = work.resolve("out");
        String url = TestDatabases.of("h2", out, "compclose_pool_no_points");
        Path inbox = TestInbox.write(work, "2026-11", REPS, PLANS, Map.of("bookings.csv", BOOKINGS, "kpis.csv", KPIS));

        // when November is closed
        CliRun nov = CliRun.close("2026-11", inbox, out, url);

        // then the close stops as bad input, saying what to give
        assertThat(nov.exitCode()).as(nov.toString()).isEqualTo(2);
        assertThat(nov.err()).contains("pool_points.csv: team West has no points for 2026-11 nor for 2026, and its "
                + "pool (plans.yaml: plan AE-POOL v1: team_pool.split: BY_POINTS) is due this period");
        assertThat(out.resolve("payroll/payroll-2026-11.csv")).doesNotExist();

        // and when the points arrive, closing again reads them and pays the pool: 10,000 x 1 / 4 = 2,500 to R1,
        // 10,000 x 3 / 4 = 7,500 to R2; R3, without a row, has a 0.00 share, which payroll leaves out
        Files.writeString(inbox.resolve("pool_points.csv"), "period,team,rep_id,points\n2026,West,R1,1\n"
                + "2026,West,R2,3\n");
        CliRun again = CliRun.close("2026-11", inbox, out, url);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.csv")))
                .filteredOn(row -> row.contains("TEAM_POOL")).containsExactly(
                        "E1,R1,2026-11,TEAM_POOL,2500.00,USD", "E2,R2,2026-11,TEAM_POOL,7500.00,USD");
        assertThat(new CloseFixture(out, url, false).jdbc().queryForObject("SELECT why FROM pay_line "
                + "WHERE pay_period = '2026-11' AND rep_id = 'R3' AND earning_code = 'TEAM_POOL'", String.class))
                .isEqualTo("team West reached 110000 of 100000; pool 10000, share by points 0 / 4");
    }
}
