package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;

/** The command line as a newcomer meets it: usage errors, bad input, status, exit codes. */
class CliFunctionalTests {

    @TempDir
    Path work;

    @Test
    void badUsageExitsWithTwoAndOneClearLine() {
        CliRun noCommand = CliRun.of(List.of());
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).startsWith("compclose: no command given\n");

        assertThat(CliRun.of(List.of("close", "--period=2026-13", "--inbox=.")).err())
                .startsWith("compclose: --period must be a month YYYY-MM, was '2026-13'");
        assertThat(CliRun.of(List.of("close", "--period=2026-10")).err())
                .startsWith("compclose: --inbox=DIR is required");
        assertThat(CliRun.of(List.of("close", "--period=2026-10", "--inbox=" + work.resolve("nope"))).err())
                .contains("does not exist");
        assertThat(CliRun.of(List.of("status", "--inbox=x")).err()).startsWith("compclose: 'status' does not take --inbox");
        assertThat(CliRun.of(List.of("frobnicate")).exitCode()).isEqualTo(2);

        CliRun help = CliRun.of(List.of("help"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("compclose.jar close --period=YYYY-MM --inbox=DIR [--out=DIR]");
    }

    @Test
    void aMissingColumnStopsWithTwoAndTheFixedInputResumes() throws Exception {
        // given an inbox whose bookings.csv lost its currency column
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox.resolve("plans"));
        Files.copy(CloseFixture.SAMPLE_INBOX.resolve("reps.csv"), inbox.resolve("reps.csv"));
        try (var plans = Files.list(CloseFixture.SAMPLE_INBOX.resolve("plans"))) {
            for (Path plan : plans.toList()) {
                Files.copy(plan, inbox.resolve("plans").resolve(plan.getFileName()));
            }
        }
        List<String> good = Files.readAllLines(CloseFixture.SAMPLE_INBOX.resolve("bookings.csv"));
        Files.write(inbox.resolve("bookings.csv"), good.stream()
                .map(line -> line.replaceFirst(",[^,]*,[^,]*,[^,]*$", "")).toList());
        Path out = work.resolve("out");
        // the sample's R010 and R999 would stop the close for review (see CloseFixture)
        List<String> close = List.of("close", "--period=2026-10", "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false", "--compclose.review.enabled=false");

        // when
        CliRun stopped = CliRun.of(close);

        // then exit 2 with a one-line reason naming the file and the column
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(2);
        assertThat(stopped.err().lines().findFirst().orElseThrow()).isEqualTo(
                "compclose: bookings.csv: missing required column currency (the header has: booking_id, booked_on, "
                        + "account_id, account_name, owner_rep_id, type, product, acv, tcv, term_months)");

        // and once the file is fixed, the same command continues from that step
        Files.write(inbox.resolve("bookings.csv"), good);
        CliRun resumed = CliRun.of(close);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("Restarting the close of 2026-10").contains("(step loadBookings)");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.ctl")))
                .contains("total_EUR=80783.52", "total_USD=236820.46");
        assertThat(Files.list(out.resolve("outbox/2026-10")).count()).isEqualTo(10);

        // status shows both executions and their counts
        CliRun status = CliRun.of(List.of("status", "--period=2026-10", "--out=" + out));
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("execution \\d+  FAILED")
                .containsPattern("execution \\d+  COMPLETED")
                // 100 rows read: 88 stored, 11 rejected, 1 identical re-delivery
                .containsPattern("loadBookings\\s+COMPLETED\\s+read\\s+100\\s+written\\s+88\\s+rejected\\s+11")
                .containsPattern("loadReps\\s+COMPLETED\\s+read\\s+14\\s+written\\s+11\\s+rejected\\s+2")
                .contains("\n  Rejected input rows: 13 (bookings.csv 11, reps.csv 2); identical re-deliveries counted once: 2\n");
        assertThat(CloseFixture.onH2(out, false)
                .count("SELECT COUNT(*) FROM delivery_log WHERE channel = 'OUTBOX'")).isEqualTo(10);

        // run again, the completed close shows every step it ran, those of its parallel flows too
        CliRun again = CliRun.of(close);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed");
        for (String step : MonthlyCloseJobConfiguration.STEP_ORDER) {
            assertThat(again.out()).containsPattern("\\n  " + step + " +COMPLETED ");
        }
        assertThat(again.out()).containsPattern("\\n  loadBookings +COMPLETED +100 +88\\n");

        // revised from an inbox without its last booking, status names the period once, above both revisions
        Path corrected = Files.createDirectories(work.resolve("corrected"));
        Files.walk(inbox).filter(Files::isRegularFile).forEach(file -> copy(file,
                corrected.resolve(inbox.relativize(file).toString())));
        Files.write(corrected.resolve("bookings.csv"), good.subList(0, good.size() - 1));
        List<String> revise = new java.util.ArrayList<>(close);
        revise.set(2, "--inbox=" + corrected);
        revise.add("--revise");
        assertThat(CliRun.of(revise).exitCode()).isZero();
        String revised = CliRun.of(List.of("status", "--period=2026-10", "--out=" + out)).out();
        assertThat(revised).startsWith("Period 2026-10: closed (revision 2) on ")
                .contains("\n  revision 1 (inbox " + inbox + ")\n", "\n  revision 2 (inbox " + corrected + ")\n");
        assertThat(revised.split("Period 2026-10", -1)).hasSize(2);
        assertThat(revised.split("Rejected input rows", -1)).hasSize(2);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void statusOfAnOutputFolderWithoutADatabaseSaysSoAndCreatesNothing() throws Exception {
        Path empty = Files.createDirectories(work.resolve("elsewhere"));

        CliRun status = CliRun.of(List.of("status", "--period=2026-10", "--out=" + empty));

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).isEqualTo("No close has run with the output folder " + empty + ": it holds no "
                + "database (" + empty.resolve("db") + "). Give status the --out of the close.\n");
        try (var created = Files.list(empty)) {
            assertThat(created).isEmpty();
        }
        assertThat(CliRun.of(List.of("status", "--out=" + work.resolve("missing"))).exitCode()).isZero();
        assertThat(work.resolve("missing")).doesNotExist();
    }

    @Test
    void aCloseWhoseProcessWasKilledIsRecoveredOnTheEmbeddedDatabase() throws Exception {
        // given a close that failed in loadBookings, left as a killed process leaves it: STARTED, no end time
        Path out = work.resolve("out");
        CloseFixture close = CloseFixture.onH2(out, false);
        io.compclose.support.FaultInjection.arm("loadBookings", 2);
        assertThat(close.close(io.compclose.support.FaultInjection.class).exitCode()).isEqualTo(1);
        var jdbc = close.jdbc();
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL");
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL "
                + "WHERE STEP_NAME = 'loadBookings'");
        // and its lease not yet expired: the embedded database admits one process, so its holder is gone anyway
        jdbc.update("INSERT INTO close_lease VALUES ('monthlyClose', '2026-10', 'build-7', 4242, 'dead', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, TIMESTAMPADD(MINUTE, 10, CURRENT_TIMESTAMP))");

        // when the same close runs again
        CliRun again = close.close();

        // then it recognises the orphan, recovers it and finishes where it stopped
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("was interrupted before it finished (its process, on host build-7 (pid 4242)")
                .contains("Restarting the close of 2026-10").contains("(step loadBookings)");
        assertThat(Files.readAllLines(close.payrollCtl())).contains("row_count=8", "total_USD=236820.46");
        assertThat(close.count("SELECT COUNT(*) FROM booking")).isEqualTo(88);
    }

    @Test
    void aSchemaLockLeftByAProcessKilledWhileUpgradingIsReleasedByTheNextStart() throws Exception {
        // given a shared database whose upgrade to the close lease (changelog 021) was killed half-way:
        // Liquibase's lock taken, the change not applied yet
        String url = TestDatabases.freshMariaDb("compclose_schema_lock");
        List<String> status = List.of("status", "--out=" + work.resolve("out"), "--spring.datasource.url=" + url);
        assertThat(CliRun.of(status).exitCode()).isZero();
        var jdbc = new CloseFixture(work.resolve("out"), url, false).jdbc();
        jdbc.update("DROP TABLE close_lease");
        assertThat(jdbc.update("DELETE FROM DATABASECHANGELOG WHERE ID = '021-01-close_lease'")).isOne();
        jdbc.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKGRANTED = CURRENT_TIMESTAMP, "
                + "LOCKEDBY = 'build-7 (killed)'");

        // when the next command starts (Liquibase alone would wait five minutes for the lock, then fail)
        CliRun next = CompletableFuture.supplyAsync(() -> CliRun.of(status)).get(2, TimeUnit.MINUTES);

        // then it releases the dead process's lock, finishes the upgrade and runs
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("No close has run yet.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM close_lease", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = 1", Integer.class))
                .isZero();
    }

    @Test
    void anInvalidPlanIsBadInput() throws Exception {
        CliRun run = closeWithPlan("plan: AE-2026\nversion: 1\neffective_from: 2026-01-01\n"
                + "currency: USD\ncomponents: [{id: b, metric: BOOKINGS_ACV, rate_table: {bands: [{from: 0, to: 0.5, "
                + "rate: 0.04}, {from: 0.6, rate: 0.08}]}}]\n");
        assertThat(run.exitCode()).isEqualTo(2);
        // in the order of their field paths
        assertThat(run.err()).startsWith("compclose: plans/: 2 problems in plan files: ae.yaml: plan AE-2026: "
                + "components[0].quota: is required: the rate table's bands are fractions of quota; ae.yaml: "
                + "plan AE-2026: components[0].rate_table: bands[1].from: gap between 0.5 and 0.6\n");
    }

    @Test
    void aTeamPoolOnAMetricThatCannotBePooledIsRefusedByName() throws Exception {
        // usage, activities and KPIs can be pooled (issue 22); an MBO score, a 0-1 per rep, cannot
        CliRun run = closeWithPlan(Files.readString(Path.of("src/test/resources/plans/ae-full.yaml"))
                .replace("team_pool: {team: EMEA, metric: BOOKINGS_ACV", "team_pool: {team: EMEA, metric: 'MBO:QBR'"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("compclose: plans/: ae.yaml: plan AE-2026: team_pool.metric: a team pool "
                + "cannot measure an MBO score (MBO:QBR)");
    }

    /** Closes the sample roster and bookings with one plan file of the test's own. */
    private CliRun closeWithPlan(String planYaml) throws Exception {
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox.resolve("plans"));
        Files.copy(CloseFixture.SAMPLE_INBOX.resolve("reps.csv"), inbox.resolve("reps.csv"));
        Files.copy(CloseFixture.SAMPLE_INBOX.resolve("bookings.csv"), inbox.resolve("bookings.csv"));
        Files.writeString(inbox.resolve("plans/ae.yaml"), planYaml);
        return CliRun.of(List.of("close", "--period=2026-10", "--inbox=" + inbox, "--out=" + work.resolve("out"),
                "--compclose.progress=false"));
    }
}
