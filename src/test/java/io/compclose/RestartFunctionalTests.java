package io.compclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.TestDatabases;
import io.compclose.support.UnwritableFolder;

/**
 * A fault part-way through a step fails the close; running the same command again restarts it
 * where it stopped, and the result equals an uninterrupted run's: the same payroll file to the
 * byte, the same payouts, and exactly one email per rep across both attempts.
 */
class RestartFunctionalTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(CloseFixture.greenMailSetup());

    @TempDir
    static Path baselineDir;

    @TempDir
    Path work;

    private static byte[] baselinePayroll;
    private static List<Map<String, Object>> baselinePayouts;
    private static long baselineStatements;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        CloseFixture baseline = CloseFixture.onH2(baselineDir.resolve("out"), false);
        CliRun run = baseline.close();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        baselinePayroll = Files.readAllBytes(baseline.payrollCsv());
        baselinePayouts = payouts(baseline);
        baselineStatements = baseline.count("SELECT COUNT(*) FROM statement");
    }

    @ParameterizedTest(name = "{0}: chunk {1} fails on {2}, restart completes")
    @CsvSource({
            "loadBookings, 3, h2",
            "creditBookings, 5, h2",
            "calculateEarnings, 2, h2",
            "renderStatements, 2, h2",
            "deliverStatements, 2, h2",
            "loadBookings, 9, mariadb",
            "creditBookings, 5, mariadb",
            "deliverStatements, 2, mariadb"})
    void restartAfterAFaultEqualsAnUninterruptedRun(String step, int chunk, String database) throws Exception {
        // given a close that fails part-way through the step (chunks of 7 rows)
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_restart");
        CloseFixture close = new CloseFixture(out, url, true);
        FaultInjection.arm(step, chunk);
        CliRun failed = close.close(FaultInjection.class);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("failed in step " + step).contains("injected fault")
                .contains("run the same command again");
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'")).isEqualTo(1);
        int sentBeforeRestart = greenMail.getReceivedMessages().length;

        // when the same command runs again
        CliRun restarted = close.close(FaultInjection.class);

        // then it resumed at that step and the outcome is the uninterrupted one
        assertResumedAtAndEqualsTheUninterruptedRun(close, restarted, step);
        if (step.equals("deliverStatements")) {
            assertThat(sentBeforeRestart).as("the first chunk went out before the fault").isEqualTo(7);
        } else {
            assertThat(sentBeforeRestart).isZero();
        }
    }

    @ParameterizedTest(name = "{0}: every database connection dropped at chunk {1}, restart completes")
    @CsvSource({"creditBookings, 3", "deliverStatements, 2"})
    void aDroppedDatabaseConnectionFailsTheStepCleanlyAndTheRestartCompletes(String step, int chunk)
            throws Exception {
        // given a close on MariaDB whose connections the server drops part-way through the step (KILL, as
        // a database restart or a network cut would): the chunk's transaction, the reader's cursor, the pool's
        Path out = work.resolve("out");
        String url = TestDatabases.freshMariaDb("compclose_dropped");
        CloseFixture close = new CloseFixture(out, url, true);
        int[] dropped = {0};
        FaultInjection.arm(step, chunk, () -> dropped[0] = TestDatabases.killConnections(url));

        // when
        CliRun failed = close.close(FaultInjection.class);

        // then the step fails cleanly: exit 1, two lines saying where and why, no stack trace
        assertThat(dropped[0]).as("connections dropped").isPositive();
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).startsWith("compclose: the close of 2026-10 failed in step " + step
                + ": the connection to the database was lost (").contains("run the same command again");
        assertThat(failed.err().lines()).hasSize(2);
        // (UNKNOWN where the chunk's rollback failed too: Spring Batch cannot tell whether it committed)
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('FAILED', 'UNKNOWN')"))
                .isEqualTo(1);
        assertThat(close.count("SELECT COUNT(*) FROM close_lease")).as("the lease is released").isZero();

        // and the same command completes as if nothing had happened
        CliRun restarted = close.close(FaultInjection.class);
        assertResumedAtAndEqualsTheUninterruptedRun(close, restarted, step);
    }

    @ParameterizedTest(name = "{0} on threads: every database connection dropped {1}, the same command completes")
    @CsvSource({
            "calculateEarnings, in a range's write",
            "calculateEarnings, as a range starts",
            "renderStatements, in a range's write",
            "renderStatements, as a range starts"})
    void aDroppedDatabaseConnectionInARepRangeLeavesACloseTheSameCommandCompletes(String step, String when)
            throws Exception {
        // given a close on MariaDB whose step runs as four rep ranges on two threads, and whose connections the
        // server drops (KILL) while a range writes, or as the third range starts: ranges fail side by side, and
        // Spring Batch is left unable to record a range's start or end (issue 20: calculateEarningsRange:reps001
        // stayed STARTING in a FAILED close, and every later close was refused as 'already running')
        Path out = work.resolve("out");
        String url = TestDatabases.freshMariaDb("compclose_dropped_range");
        CloseFixture close = new CloseFixture(out, url, true);
        List<String> args = close.closeArgs("--compclose.partition.threads=2", "--compclose.partition.grid-size=4");
        int[] dropped = {-1};
        if (when.startsWith("as")) {
            FaultInjection.armAtRangeStart(step, 3, url); // (fails the test if it finds no connection to drop)
        } else {
            FaultInjection.arm(step, 2, () -> dropped[0] = TestDatabases.killConnections(url));
        }

        // when
        CliRun failed = CliRun.of(args, FaultInjection.class);

        // then the close fails in that step, in two lines without framework text
        assertThat(FaultInjection.fired()).as("the fault fired").isTrue();
        assertThat(dropped[0]).as("connections dropped").isNotZero();
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).as(failed.toString()).startsWith("compclose: the close of 2026-10 failed in step "
                + step).contains("run the same command again");
        assertThat(failed.err().lines()).as(failed.toString()).hasSize(2);
        assertNoFrameworkText(failed);

        // and the same command completes as if nothing had happened: before the fix it was refused, for good, with
        // Spring Batch's "A job execution for this job is already running: JobExecution: id=1, ... status=FAILED"
        CliRun restarted = CliRun.of(args, FaultInjection.class);
        assertNoFrameworkText(restarted);
        assertResumedAtAndEqualsTheUninterruptedRun(close, restarted, step);
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE END_TIME IS NULL OR STATUS IN "
                + "('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')")).as("no step execution is left running").isZero();
    }

    /** Spring Batch's or the driver's own words, a class name or a stack frame: none of these reach the console. */
    private static void assertNoFrameworkText(CliRun run) {
        assertThat(run.out() + run.err()).as(run.toString()).doesNotContain("JobExecution", "StepExecution",
                "already running", "org.springframework", "java.", "Exception", "\tat ");
    }

    @ParameterizedTest(name = "{1} cannot write into {0} on {2}: a clear failure, the restart completes")
    @CsvSource({
            "payroll, exportPayroll, h2",
            "statements/2026-10, renderStatements, mariadb"})
    void anOutputFolderThatCannotBeWrittenFailsTheStepNamingTheFileAndTheRestartCompletes(String folder, String step,
            String database) throws Exception {
        // given a close whose output folder cannot be written by the time the step writes there
        Path out = work.resolve("out");
        CloseFixture close = new CloseFixture(out, TestDatabases.of(database, out, "compclose_unwritable"), true);
        CliRun failed;
        String how;
        try (UnwritableFolder unwritable = UnwritableFolder.make(out.resolve(folder))) {
            how = unwritable.how();

            // when
            failed = close.close();
        }

        // then the step fails, naming the file it could not write, and nothing after it ran
        assertThat(failed.exitCode()).as(how + ": " + failed).isEqualTo(1);
        // (the statements are written side by side: whichever comes first names the file)
        assertThat(failed.err()).as(how).containsPattern("^" + Pattern.quote("compclose: the close of 2026-10 failed "
                + "in step " + step + ": cannot write " + out.resolve(folder)) + "/[\\w.-]+\\.(csv|pdf): "
                + Pattern.quote(out.resolve(folder).toString()));
        assertThat(failed.err().lines()).as(how).hasSize(2);
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        // and once the folder is writable again the same command completes as if nothing had happened
        CliRun restarted = close.close();
        assertResumedAtAndEqualsTheUninterruptedRun(close, restarted, step);
    }

    private static void assertResumedAtAndEqualsTheUninterruptedRun(CloseFixture close, CliRun restarted, String step)
            throws Exception {
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).contains("Restarting the close of 2026-10").contains("(step " + step + ")");
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
        assertThat(Files.readAllBytes(close.payrollCsv())).isEqualTo(baselinePayroll);
        assertThat(payouts(close)).isEqualTo(baselinePayouts);
        assertThat(close.count("SELECT COUNT(*) FROM statement")).isEqualTo(baselineStatements);
        assertThat(close.count("SELECT COUNT(*) FROM booking")).isEqualTo(88);
        assertThat(close.count("SELECT COUNT(*) FROM earning_line")).isEqualTo(88);
        Map<String, Long> emailsPerRecipient = Arrays.stream(greenMail.getReceivedMessages())
                .collect(Collectors.groupingBy(CloseFunctionalTests::recipient, Collectors.counting()));
        assertThat(emailsPerRecipient).hasSize(10).allSatisfy((rep, n) -> assertThat(n).as(rep).isEqualTo(1L));
        assertThat(close.count("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT'")).isEqualTo(10);
    }

    private static List<Map<String, Object>> payouts(CloseFixture close) {
        return close.jdbc().queryForList("""
                SELECT rep_id, earning_code, currency, employee_id, amount, line_count FROM payout
                ORDER BY rep_id, earning_code""").stream()
                .map(row -> row.entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(), e -> String.valueOf(e.getValue()), (a, b) -> a,
                        java.util.TreeMap::new)))
                .map(Function.<Map<String, Object>>identity().compose(m -> (Map<String, Object>) (Map<?, ?>) m))
                .toList();
    }
}
