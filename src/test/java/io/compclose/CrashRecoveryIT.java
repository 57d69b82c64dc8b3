package io.compclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.support.CloseFixture;
import io.compclose.support.CloseOutcome;
import io.compclose.support.CloseProcess;
import io.compclose.support.OutboxWatch;
import io.compclose.support.Poll;
import io.compclose.support.TestDatabases;

/**
 * Crash anywhere, restart, same result. The packaged jar runs as its own process against MariaDB
 * and is killed with SIGKILL, at a chunk of every step and at random moments; the same close
 * command is run again until it completes. What it leaves then equals an uninterrupted run's: the
 * tables, the payroll file and its control file, the rejects, the close summary, every statement and
 * every email, each email written exactly once and no payout twice. A killed close leaves its
 * execution STARTED and its lease behind: a close started while that lease is alive refuses (exit 4),
 * one started after it expired recovers the execution and carries on from it.
 * <p>
 * The points are drawn from a seeded random: {@code -Dcompclose.it.seed=N} draws others, and
 * {@code -Dcompclose.it.rounds=N} runs N cycles of each kind. Where each kill landed is printed.
 */
class CrashRecoveryIT {

    private static final long SEED = Long.getLong("compclose.it.seed", 20261127L);
    private static final int ROUNDS = Integer.getInteger("compclose.it.rounds", 1);
    /** Generous: on a loaded machine the start-up of a JVM alone can take half a minute. */
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final Path JAR = Path.of(System.getProperty("compclose.jar", "target/compclose.jar"))
            .toAbsolutePath();

    /**
     * The steps the issue names, in the close's order, with how many chunks of 7 each writes for the sample;
     * for calculation and statements, in each of their two rep ranges of five reps (two threads).
     */
    private static final List<StepChunks> STEPS = List.of(
            new StepChunks("intake", "loadBookings", 15), new StepChunks("crediting", "creditBookings", 13),
            new StepChunks("calculation", "calculateEarnings", 1), new StepChunks("export", "exportPayroll", 0),
            new StepChunks("statements", "renderStatements", 1), new StepChunks("delivery", "deliverStatements", 2));

    @TempDir
    static Path work;

    private static Path hooks;
    private static CloseOutcome uninterrupted;
    private static final List<String> KILLS = Collections.synchronizedList(new ArrayList<>());

    /** A step and the number of chunks it writes (0: a tasklet). */
    private record StepChunks(String stage, String step, int chunks) {
    }

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        hooks = CloseProcess.hooks(Path.of(System.getProperty("compclose.test-classes", "target/test-classes")),
                work.resolve("hooks"));
        Cycle reference = new Cycle("reference");
        CloseProcess close = reference.start(null);
        assertThat(close.awaitExit(DEADLINE)).as(close.report()).isZero();
        uninterrupted = reference.outcome();
        assertThat(uninterrupted.files().get("payroll/payroll-2026-10.ctl")).contains("row_count=8",
                "total_EUR=80783.52", "total_USD=236820.46");
        assertThat(uninterrupted.statements()).hasSize(10);
        assertThat(uninterrupted.emails()).hasSize(10);
        assertThat(reference.outbox.arrivals()).hasSize(10).allSatisfy((email, n) -> assertThat(n).isOne());
    }

    @AfterAll
    static void report() {
        System.out.println("CrashRecoveryIT (seed " + SEED + ", " + ROUNDS + " round(s)): " + KILLS.size()
                + " kills, landing in:");
        KILLS.forEach(kill -> System.out.println("  " + kill));
    }

    @Test
    void killedAtAChunkOfEveryStepTheSameCommandCompletesAsAnUninterruptedRun() throws Exception {
        Random random = new Random(SEED);
        for (int round = 1; round <= ROUNDS; round++) {
            // given a close killed at one point in each step, in the order the close reaches them
            Cycle cycle = new Cycle("points-" + round);
            for (StepChunks step : STEPS) {
                String point = step.chunks() == 0
                        ? step.step() + ":0:" + (random.nextBoolean() ? "beforeChunk" : "afterChunk")
                        : step.step() + ":" + (1 + random.nextInt(step.chunks())) + ":"
                                + (random.nextBoolean() ? "beforeWrite" : "afterWrite");
                CloseProcess close = cycle.startAfterAKill(point);
                assertThat(close.awaitFrozen(DEADLINE)).as("reached " + point + "\n" + close.report()).isTrue();
                if (round == 1 && step == STEPS.get(0)) {
                    cycle.assertASecondCloseIsRefusedWhile(close);
                }
                cycle.kill(close, "at " + point);
            }

            // when the same command runs once more, then it completes, equal to the uninterrupted run
            CloseProcess last = cycle.startAfterAKill(null);
            assertThat(last.awaitExit(DEADLINE)).as(last.report()).isZero();
            cycle.assertEqualsTheUninterruptedRun();
        }
    }

    @Test
    void killedAtRandomMomentsTheSameCommandCompletesAsAnUninterruptedRun() throws Exception {
        Random random = new Random(SEED + 1);
        for (int round = 1; round <= ROUNDS; round++) {
            // given a close killed at a random moment once each of three random steps has started (the plain
            // jar, nothing loaded into it: the kill lands wherever the close happens to be)
            Cycle cycle = new Cycle("moments-" + round);
            List<StepChunks> targets = new ArrayList<>(STEPS);
            Collections.shuffle(targets, random);
            targets = targets.subList(0, 3).stream().sorted(java.util.Comparator.comparingInt(STEPS::indexOf))
                    .toList();
            for (StepChunks target : targets) {
                int delayMillis = random.nextInt(400);
                CloseProcess close = cycle.startAfterAKillUntilStepStarts(target.step());
                if (close == null) {
                    continue; // the close completed before the step was seen to start: nothing to kill
                }
                Thread.sleep(delayMillis);
                cycle.kill(close, delayMillis + " ms after " + target.step() + " started");
            }

            // when the same command runs once more, then it completes, equal to the uninterrupted run
            CloseProcess last = cycle.startAfterAKill(null);
            assertThat(last.awaitExit(DEADLINE)).as(last.report()).isZero();
            cycle.assertEqualsTheUninterruptedRun();
        }
    }

    /** One close of the sample inbox into its own database and folder, started, killed and restarted. */
    private static final class Cycle {

        private final String name;
        private final Path out;
        private final String url;
        private final JdbcTemplate jdbc;
        private final OutboxWatch outbox;
        private int launches;
        private long killedPid;
        private long killedExecution;
        private boolean recoveryDue;

        Cycle(String name) {
            this.name = name;
            this.out = work.resolve(name).resolve("out");
            this.url = TestDatabases.freshMariaDb("compclose_crash_" + name.replace('-', '_'));
            this.jdbc = new CloseFixture(out, url, false).jdbc();
            this.outbox = new OutboxWatch(out.resolve("outbox").resolve("2026-10"));
        }

        CloseProcess start(String killPoint) {
            List<String> args = List.of("close", "--period=2026-10", "--inbox=" + CloseFixture.SAMPLE_INBOX,
                    "--out=" + out, "--spring.datasource.url=" + url, "--compclose.chunk-size=7",
                    "--compclose.intake-chunk-size=7", "--compclose.progress=false", "--compclose.partition.threads=2",
                    // short, so a restart waits seconds; six beats, so a stalled heartbeat thread keeps it
                    "--compclose.lease.duration=6s", "--compclose.lease.heartbeat=1s",
                    // the sample inbox's R010 and R999 would stop the close for review (see CloseFixture)
                    "--compclose.review.enabled=false");
            return CloseProcess.start(JAR, hooks, killPoint, args, work.resolve(name).resolve("logs"),
                    "attempt-" + ++launches);
        }

        /**
         * Starts the same close (to freeze at {@code killPoint}, if any). After a kill, the close that
         * recovers must say whose execution it recovered; one started while the killed close's lease was
         * still alive must have been refused, and is started again once the lease has expired.
         */
        CloseProcess startAfterAKill(String killPoint) {
            while (true) {
                CloseProcess close = start(killPoint);
                boolean frozen = killPoint != null && close.awaitFrozen(DEADLINE);
                if (!frozen && close.awaitExit(DEADLINE) == 4) {
                    waitOutTheKilledLease(close);
                    continue;
                }
                assertRecoveredTheKilledExecution(close);
                return close;
            }
        }

        /** Starts the plain jar; returns once {@code step} has started in its execution, or null if it completed. */
        CloseProcess startAfterAKillUntilStepStarts(String step) {
            while (true) {
                CloseProcess close = start(null);
                Poll.until(step + " to start, or the close to end", DEADLINE,
                        () -> !close.alive() || started(step));
                if (close.alive()) {
                    assertRecoveredTheKilledExecution(close);
                    return close;
                }
                int exit = close.awaitExit(DEADLINE);
                if (exit == 4) {
                    waitOutTheKilledLease(close);
                    continue;
                }
                assertThat(exit).as(close.report()).isZero();
                assertRecoveredTheKilledExecution(close);
                return null;
            }
        }

        /**
         * Whether the step has started (it may have finished already: a short step can end between two
         * looks) in an execution newer than the one killed last.
         */
        private boolean started(String step) {
            try {
                return jdbc.queryForObject("""
                        SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? AND JOB_EXECUTION_ID > ?""",
                        Integer.class, step, killedExecution) > 0;
            } catch (BadSqlGrammarException noTablesYet) {
                return false; // the first close of a fresh database is still creating the schema
            }
        }

        private void waitOutTheKilledLease(CloseProcess refused) {
            assertThat(refused.err()).as(refused.report())
                    .contains("compclose: a close of 2026-10 is already running on host ")
                    .contains("(pid " + killedPid + ")");
            Poll.until("the killed close's lease to expire", DEADLINE, () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM close_lease WHERE expires_at >= LOCALTIMESTAMP(3)", Integer.class) == 0);
        }

        private void assertRecoveredTheKilledExecution(CloseProcess close) {
            if (recoveryDue) {
                Poll.until("the close to report its start", DEADLINE,
                        () -> close.out().contains("Restarting the close of 2026-10") || !close.alive());
                assertThat(close.out()).as(close.report()).contains("The close of 2026-10 (execution "
                        + killedExecution + ") was interrupted before it finished (its process, on host ")
                        .contains("(pid " + killedPid + "), stopped renewing its lease at ")
                        .contains("Restarting the close of 2026-10 where execution " + killedExecution + " stopped");
                recoveryDue = false;
            }
        }

        /** While a close is alive (frozen, its heartbeat renewing its lease), a second one refuses. */
        void assertASecondCloseIsRefusedWhile(CloseProcess live) {
            CloseProcess second = start(null);
            assertThat(second.awaitExit(DEADLINE)).as(second.report()).isEqualTo(4);
            assertThat(second.err()).startsWith("compclose: a close of 2026-10 is already running on host ")
                    .contains("(pid " + live.pid() + ") since ").contains("; nothing was started");
            assertThat(live.alive()).isTrue();
        }

        /** SIGKILL; the execution is left STARTED and the lease in the dead process's name. */
        void kill(CloseProcess close, String when) {
            close.kill();
            killedPid = close.pid();
            recoveryDue = true;
            Map<String, Object> execution = jdbc.queryForMap("""
                    SELECT JOB_EXECUTION_ID, STATUS FROM BATCH_JOB_EXECUTION
                    WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)""");
            killedExecution = ((Number) execution.get("JOB_EXECUTION_ID")).longValue();
            assertThat(execution.get("STATUS")).as("a killed close's execution").isEqualTo("STARTED");
            assertThat(jdbc.queryForList("SELECT owner_pid FROM close_lease", Long.class))
                    .as("the killed close's lease").containsExactly(killedPid);
            Map<String, Object> lastStep = jdbc.queryForMap("SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION "
                    + "WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1", killedExecution);
            String status = String.valueOf(lastStep.get("STATUS"));
            KILLS.add(name + ": " + when + " -> killed " + switch (status) {
                case "STARTED" -> "in " + lastStep.get("STEP_NAME");
                case "STARTING" -> "as " + lastStep.get("STEP_NAME") + " was starting";
                default -> "after " + lastStep.get("STEP_NAME") + " (" + status + "), before the next step started";
            });
            outbox.arrivals(); // drains the watch's queue between closes
        }

        CloseOutcome outcome() {
            return CloseOutcome.read(url, out);
        }

        void assertEqualsTheUninterruptedRun() {
            CloseOutcome outcome = outcome();
            uninterrupted.tables().forEach((table, rows) ->
                    assertThat(outcome.tables().get(table)).as(name + ": table " + table).isEqualTo(rows));
            assertThat(outcome.tables().keySet()).isEqualTo(uninterrupted.tables().keySet());
            uninterrupted.files().forEach((file, content) ->
                    assertThat(outcome.files().get(file)).as(name + ": " + file).isEqualTo(content));
            assertThat(outcome.statements()).as(name + ": statements").isEqualTo(uninterrupted.statements());
            assertThat(outcome.emails()).as(name + ": emails").isEqualTo(uninterrupted.emails());
            assertThat(outbox.arrivals()).as(name + ": each email written once, over all the attempts")
                    .hasSize(10).allSatisfy((email, n) -> assertThat(n).as(email).isOne());
            assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                    String.class)).as(name + ": every killed execution recovered, the last completed")
                    .last().isEqualTo("COMPLETED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS <> 'FAILED'",
                    Integer.class)).isOne();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM close_lease", Integer.class)).isZero();
            // a killed run writes no audit row; the run that finished it records the recovery and its outcome
            assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'close'", String.class))
                    .as(name + ": audit trail").hasSize(1).first().asString()
                    .contains("left running by an interrupted close marked failed").endsWith(": completed");
        }
    }
}
