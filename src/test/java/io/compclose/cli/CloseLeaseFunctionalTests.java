package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.Poll;
import io.compclose.support.TestDatabases;

/**
 * One live close per period on a shared database: a close holds the period's lease and renews it
 * while it runs; a second close refuses (exit 4) naming the holder; a close whose process is gone
 * stops renewing, and once its lease has expired the next close recovers its execution.
 * (The same with real processes killed by SIGKILL: {@code CrashRecoveryIT}.)
 */
class CloseLeaseFunctionalTests {

    /**
     * A short lease, so that the tests wait seconds, not the default half-minute; still six beats long, so
     * that a loaded machine stalling the heartbeat thread for a few seconds does not lose it.
     */
    private static final String[] SHORT_LEASE = {"--compclose.lease.duration=6s", "--compclose.lease.heartbeat=1s"};

    @TempDir
    Path work;

    @Test
    void ofTwoClosesStartedTogetherExactlyOneRunsAndItsHeartbeatKeepsTheOtherOut() throws Exception {
        // given two closes of the same period started at the same moment; whichever wins pauses in creditBookings
        CloseFixture fixture = new CloseFixture(work.resolve("out"), TestDatabases.freshMariaDb("compclose_lease"),
                false);
        CountDownLatch release = new CountDownLatch(1);
        FaultInjection.arm("creditBookings", 1, () -> release.await(3, TimeUnit.MINUTES));
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<CliRun>> closes = List.of(startTogether(fixture, together),
                startTogether(fixture, together));

        // when the first of them returns
        CliRun refused = (CliRun) CompletableFuture.anyOf(closes.toArray(CompletableFuture[]::new))
                .get(3, TimeUnit.MINUTES);

        // then it was refused, naming the live holder, and started nothing
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.BUSY);
        assertThat(refused.err()).containsPattern("^compclose: a close of 2026-10 is already running on host \\S+ "
                + "\\(pid " + ProcessHandle.current().pid() + "\\) since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
                + "\\(last heartbeat [-\\d: ]+\\); nothing was started\n")
                .contains("Wait for it to finish. If that process is gone, its lease expires at ");
        assertThat(refused.out()).isEmpty();

        // and while the winner is paused past its lease's 6 s, the heartbeat renews it: a third close is refused too
        Poll.until("a heartbeat more than a lease after the lease was taken", Duration.ofMinutes(2), () ->
                fixture.count("SELECT COUNT(*) FROM close_lease WHERE heartbeat_at > TIMESTAMPADD(SECOND, 7, "
                        + "acquired_at)") == 1);
        CliRun third = CliRun.of(fixture.closeArgs(SHORT_LEASE));
        assertThat(third.exitCode()).as(third.toString()).isEqualTo(ExitCode.BUSY);
        // and status says who runs it
        CliRun status = CliRun.of(List.of("status", "--period=2026-10", "--out=" + fixture.out(),
                "--spring.datasource.url=" + fixture.databaseUrl()));
        assertThat(status.out()).containsPattern("  a close is running on host \\S+ \\(pid "
                + ProcessHandle.current().pid() + "\\) since [-\\d: ]+, last heartbeat [-\\d: ]+\n");

        // when the winner carries on
        CompletableFuture<CliRun> paused = closes.stream().filter(close -> !close.isDone()).findFirst().orElseThrow();
        release.countDown();
        CliRun winner = paused.get(3, TimeUnit.MINUTES);

        // then it completes alone: one execution, one set of outputs, its lease released
        assertThat(winner.exitCode()).as(winner.toString()).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        assertThat(Files.readAllLines(fixture.payrollCtl())).contains("row_count=8", "total_EUR=80783.52",
                "total_USD=236820.46");
        assertThat(fixture.count("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT'")).isEqualTo(10);
        assertThat(fixture.count("SELECT COUNT(*) FROM close_lease")).isZero();
    }

    @Test
    void aCloseWhoseProcessIsGoneIsRefusedUntilItsLeaseExpiresThenRecovered() throws Exception {
        // given a close left as a killed process leaves it on a shared database: its execution STARTED
        // in loadBookings, and its lease, renewed a moment ago, due to expire in 2 s
        CloseFixture fixture = new CloseFixture(work.resolve("out"), TestDatabases.freshMariaDb("compclose_gone"),
                false);
        FaultInjection.arm("loadBookings", 2);
        assertThat(fixture.close(FaultInjection.class).exitCode()).isEqualTo(1);
        var jdbc = fixture.jdbc();
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL");
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL "
                + "WHERE STEP_NAME = 'loadBookings'");
        jdbc.update("INSERT INTO close_lease VALUES ('monthlyClose', '2026-10', 'build-7', 4242, 'its-token', "
                + "TIMESTAMPADD(MINUTE, -5, LOCALTIMESTAMP(3)), LOCALTIMESTAMP(3), "
                + "TIMESTAMPADD(SECOND, 2, LOCALTIMESTAMP(3)))");

        // when the close is run again at once, then it cannot yet tell the holder is gone: refused, nothing changed
        CliRun early = CliRun.of(fixture.closeArgs(SHORT_LEASE));
        if (early.exitCode() == ExitCode.BUSY) { // (on a slow machine the 2 s may already have passed)
            assertThat(early.err()).contains("already running on host build-7 (pid 4242) since ");
            assertThat(fixture.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")).isOne();
            Poll.until("the dead close's lease to expire", Duration.ofMinutes(1), () -> fixture.count(
                    "SELECT COUNT(*) FROM close_lease WHERE expires_at < LOCALTIMESTAMP(3)") == 1);
            early = CliRun.of(fixture.closeArgs(SHORT_LEASE));
        }

        // then, its lease expired, the close takes it over, marks the orphan failed and finishes where it stopped
        CliRun recovered = early;
        assertThat(recovered.exitCode()).as(recovered.toString()).isZero();
        assertThat(recovered.out()).contains("The close of 2026-10 (execution 1) was interrupted before it finished "
                + "(its process, on host build-7 (pid 4242), stopped renewing its lease at ")
                .contains("Restarting the close of 2026-10 where execution 1 stopped (step loadBookings).");
        assertThat(fixture.jdbc().queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                String.class)).containsExactly("FAILED", "COMPLETED");
        assertThat(fixture.count("SELECT COUNT(*) FROM booking")).isEqualTo(88);
        assertThat(Files.readAllLines(fixture.payrollCtl())).contains("row_count=8", "total_USD=236820.46");
        assertThat(fixture.count("SELECT COUNT(*) FROM close_lease")).isZero();
    }

    @Test
    void aCloseWhoseLeaseWasTakenOverStopsBeforeItsNextWrite() throws Exception {
        // given a close whose lease another close takes over part-way through creditBookings, as happens to a
        // close paused (or cut off from the database) for longer than its lease
        CloseFixture fixture = CloseFixture.onH2(work.resolve("out"), false);
        Path log = fixture.out().resolve("logs/compclose.log");
        FaultInjection.arm("creditBookings", 2, () -> {
            fixture.jdbc().update("UPDATE close_lease SET owner_host = 'build-9', owner_pid = 99, token = 'other'");
            Poll.until("the heartbeat to find the lease gone", Duration.ofMinutes(1),
                    () -> contains(log, "The close lease of 2026-10 was taken over by another close"));
        });

        // when
        CliRun close = CliRun.of(fixture.closeArgs(SHORT_LEASE), FaultInjection.class);

        // then it fails before writing more, and leaves the other close's lease alone
        assertThat(close.exitCode()).as(close.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(close.err()).contains("failed in step creditBookings: the close lease of 2026-10 was taken over by "
                + "another close while this one was not renewing it; this close stopped before writing more");
        // chunks 1 and 2 of 7 (the takeover came while chunk 2 was being written, past its check); no third
        assertThat(fixture.count("SELECT COUNT(*) FROM credit")).isEqualTo(14);
        assertThat(fixture.jdbc().queryForList("SELECT owner_host FROM close_lease", String.class))
                .containsExactly("build-9");
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CompletableFuture<CliRun> startTogether(CloseFixture fixture, CyclicBarrier together) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                together.await(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return CliRun.of(fixture.closeArgs(SHORT_LEASE), FaultInjection.class);
        }, runnable -> new Thread(runnable, "close").start());
    }
}
