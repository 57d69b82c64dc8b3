package io.compclose.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.CloseOutcome;
import io.compclose.support.CloseProcess;
import io.compclose.support.Poll;
import io.compclose.support.TestDatabases;

/**
 * Remote partitioning for real: {@code serve --worker} processes of the packaged jar take the rep ranges
 * of a close from RabbitMQ (127.0.0.1:5672) and write to the close's MariaDB database. The close they
 * give is the single-process close; a worker killed in the middle of a range leaves a close that the
 * same command completes.
 */
class RemotePartitioningIT {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Path JAR = Path.of(System.getProperty("compclose.jar", "target/compclose.jar"))
            .toAbsolutePath();

    @TempDir
    static Path work;

    private static Path hooks;
    private static CloseOutcome singleProcess;

    private final String queue = "compclose.partitions.it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final List<CloseProcess> workers = new ArrayList<>();

    @BeforeAll
    static void singleProcessClose() throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        hooks = CloseProcess.hooks(Path.of(System.getProperty("compclose.test-classes", "target/test-classes")),
                work.resolve("hooks"));
        CloseFixture single = new CloseFixture(work.resolve("single"),
                TestDatabases.freshMariaDb("compclose_remote_reference"), false);
        CliRun run = CliRun.of(single.closeArgs("--compclose.partition.threads=1", "--compclose.partition.grid-size=1"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        singleProcess = CloseOutcome.read(single.databaseUrl(), single.out());
        assertThat(singleProcess.files().get("payroll/payroll-2026-10.ctl")).contains("row_count=8",
                "total_EUR=80783.52", "total_USD=236820.46");
    }

    @AfterEach
    void stopWorkersAndDropTheQueue() {
        workers.forEach(CloseProcess::kill);
        CachingConnectionFactory rabbit = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            new RabbitAdmin(rabbit).deleteQueue(queue);
        } finally {
            rabbit.destroy();
        }
    }

    @Test
    void twoWorkerProcessesGiveTheSingleProcessClose() {
        // given two workers, one range at a time each
        CloseFixture close = new CloseFixture(work.resolve("remote"), TestDatabases.freshMariaDb("compclose_remote"),
                false);
        CloseProcess first = startWorker(close, "worker-1", null);
        CloseProcess second = startWorker(close, "worker-2", null);

        // when the close hands its calculation and statements to them as six ranges each
        CliRun run = CliRun.of(remoteClose(close, "5m"));

        // then every range ran in a worker, both workers took part, and the close is the single-process one
        assertThat(run.exitCode()).as(run + "\n" + first.report() + second.report()).isZero();
        assertRangesCompleted(close, 6);
        assertThat(first.out()).contains("Running calculateEarningsRange:");
        assertThat(second.out()).contains("Running calculateEarningsRange:");
        assertThat(first.out() + second.out()).contains("Running renderStatementsRange:");
        assertTheSingleProcessClose(close);
    }

    @Test
    void aRangeWhoseWorkerIsKilledIsContinuedByTheOtherWorker() throws Exception {
        // given two workers, one of which freezes with its first chunk of a calculation range written but not
        // committed
        CloseFixture close = new CloseFixture(work.resolve("takeover"),
                TestDatabases.freshMariaDb("compclose_remote_takeover"), false);
        CloseProcess doomed = startWorker(close, "worker-frozen", "calculateEarnings:1:afterWrite");
        CloseProcess survivor = startWorker(close, "worker-survivor", null);
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(remoteClose(close, "5m")));
        assertThat(doomed.awaitFrozen(DEADLINE)).as(doomed.report()).isTrue();

        // when the frozen worker is killed (SIGKILL)
        doomed.kill();

        // then RabbitMQ hands its range to the other worker, which continues it, and the close completes as the
        // single-process close, with no restart
        CliRun completed = run.get();
        assertThat(completed.exitCode()).as(completed + "\n" + survivor.report()).isZero();
        assertThat(survivor.out()).containsPattern("calculateEarningsRange:reps\\d{3} \\(step execution \\d+\\) was left "
                + "running by a worker that stopped; continuing it from its last committed chunk");
        assertRangesCompleted(close, 6);
        assertTheSingleProcessClose(close);
    }

    @Test
    void aWorkerKilledInTheMiddleOfARangeLeavesACloseTheSameCommandCompletes() throws Exception {
        // given the only worker, frozen with its first chunk of a calculation range written but not committed
        CloseFixture close = new CloseFixture(work.resolve("killed"),
                TestDatabases.freshMariaDb("compclose_remote_killed"), false);
        CloseProcess doomed = startWorker(close, "worker-doomed", "calculateEarnings:1:afterWrite");
        CompletableFuture<CliRun> firstClose = CompletableFuture.supplyAsync(() -> CliRun.of(remoteClose(close,
                "15s")));
        assertThat(doomed.awaitFrozen(DEADLINE)).as(doomed.report()).isTrue();

        // when it is killed (SIGKILL), no worker is left, and the close gives up waiting
        doomed.kill();
        CliRun failed = firstClose.get();

        // then the close failed in the calculation, saying why and that the same command restarts it
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("failed in step calculateEarnings")
                .contains("workers did not finish")
                .contains("run the same command again");
        String frozenRange = doomed.out().lines().filter(line -> line.contains("Running calculateEarningsRange:"))
                .findFirst().orElseThrow().replaceAll(".*Running (calculateEarningsRange:reps\\d{3}).*", "$1");
        List<Map<String, Object>> ranges = close.jdbc().queryForList("""
                SELECT STEP_NAME, STATUS, COMMIT_COUNT, EXIT_MESSAGE FROM BATCH_STEP_EXECUTION
                WHERE STEP_NAME LIKE 'calculateEarningsRange:%' ORDER BY STEP_NAME""");
        assertThat(ranges).as("the six ranges, none finished: the killed one's chunk was never committed")
                .hasSize(6).allSatisfy(range -> {
                    assertThat(range.get("STATUS")).isEqualTo("FAILED");
                    assertThat(((Number) range.get("COMMIT_COUNT")).intValue()).isZero();
                    assertThat((String) range.get("EXIT_MESSAGE")).contains("no worker finished this range");
                });

        // and once a worker runs again, the same command completes the close as if nothing had happened
        CloseProcess replacement = startWorker(close, "worker-replacement", null);
        CliRun restarted = CliRun.of(remoteClose(close, "5m"));
        assertThat(restarted.exitCode()).as(restarted + "\n" + replacement.report()).isZero();
        assertThat(restarted.out()).contains("Restarting the close of 2026-10 where execution");
        // the killed range's message came back to the queue when its worker died, beside the five no worker had
        // taken: their close had failed, so the replacement dropped all six, and ran the ranges the restart sent
        assertThat(replacement.out()).contains("Dropped " + frozenRange + " (step execution ");
        assertThat(replacement.out().lines().filter(line -> line.contains("Dropped calculateEarningsRange:")))
                .hasSize(6);
        assertTheSingleProcessClose(close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"calculateEarnings", "renderStatements"})
    void aDatabaseConnectionDroppedInTheMiddleOfARemoteRangeLeavesACloseTheSameCommandCompletes(String step)
            throws Exception {
        // given the only worker, paused with its first chunk of a range of the partitioned step read but not yet
        // written
        CloseFixture close = new CloseFixture(work.resolve("dropped-" + step),
                TestDatabases.freshMariaDb("compclose_remote_dropped_" + step.toLowerCase()), false);
        CloseProcess worker = startWorker(close, "worker-paused-" + step, step + ":1:beforeWrite");
        CompletableFuture<CliRun> firstClose = CompletableFuture.supplyAsync(() -> CliRun.of(remoteClose(close,
                "20s")));
        assertThat(worker.awaitFrozen(DEADLINE)).as(worker.report()).isTrue();

        // when the database drops every connection (KILL), the worker's and the close's, and the worker goes on
        assertThat(TestDatabases.killConnections(close.databaseUrl())).as("connections dropped").isPositive();
        worker.resume();
        CliRun failed = firstClose.get();

        // then the close fails in that step, in its own two lines, and the worker lives on
        assertThat(failed.exitCode()).as(failed + "\n" + worker.report()).isEqualTo(1);
        assertThat(failed.err()).as(failed.toString()).startsWith("compclose: the close of 2026-10 failed in step "
                + step).contains("run the same command again");
        assertThat(failed.err().lines()).as(failed.toString()).hasSize(2);
        assertNoFrameworkText(failed);
        assertThat(worker.alive()).as(worker.report()).isTrue();

        // and the same command completes the close as if nothing had happened, ranges left running included
        CliRun restarted = CliRun.of(remoteClose(close, "5m"));
        assertThat(restarted.exitCode()).as(restarted + "\n" + worker.report()).isZero();
        assertThat(restarted.out()).contains("Restarting the close of 2026-10 where execution 1 stopped");
        assertNoFrameworkText(restarted);
        assertRangesCompleted(close, 6);
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE END_TIME IS NULL OR STATUS IN "
                + "('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')")).as("no step execution is left running").isZero();
        assertTheSingleProcessClose(close);
    }

    /** Spring Batch's or the driver's own words, a class name or a stack frame: none of these reach the console. */
    private static void assertNoFrameworkText(CliRun run) {
        assertThat(run.out() + run.err()).as(run.toString()).doesNotContain("JobExecution", "StepExecution",
                "already running", "org.springframework", "java.", "Exception", "\tat ");
    }

    private List<String> remoteClose(CloseFixture close, String timeout) {
        return close.closeArgs("--compclose.partition.mode=remote", "--compclose.partition.grid-size=6",
                "--compclose.partition.queue=" + queue, "--compclose.partition.poll-interval=100ms",
                "--compclose.partition.timeout=" + timeout);
    }

    private CloseProcess startWorker(CloseFixture close, String name, String killPoint) {
        CloseProcess worker = CloseProcess.start(JAR, killPoint == null ? null : hooks, killPoint, List.of("serve",
                "--worker", "--out=" + work.resolve(name), "--spring.datasource.url=" + close.databaseUrl(),
                "--compclose.partition.queue=" + queue, "--compclose.partition.threads=1", "--compclose.chunk-size=1"),
                work.resolve("logs"), name);
        workers.add(worker);
        Poll.until(name + " to be ready", DEADLINE, () -> worker.out().contains("Worker ready") || !worker.alive());
        assertThat(worker.out()).as(worker.report()).contains("Worker ready: taking rep ranges of calculateEarnings "
                + "and renderStatements from queue '" + queue + "' on RabbitMQ at localhost:5672, 1 at once");
        return worker;
    }

    private static void assertRangesCompleted(CloseFixture close, int ranges) {
        for (String step : List.of("calculateEarnings", "renderStatements")) {
            assertThat(close.count("""
                    SELECT COUNT(DISTINCT STEP_NAME) FROM BATCH_STEP_EXECUTION
                    WHERE STEP_NAME LIKE ? AND STATUS = 'COMPLETED'""", step + "Range:%")).isEqualTo(ranges);
        }
    }

    private static void assertTheSingleProcessClose(CloseFixture close) {
        CloseOutcome outcome = CloseOutcome.read(close.databaseUrl(), close.out());
        assertThat(outcome.tables()).isEqualTo(singleProcess.tables());
        assertThat(outcome.files()).isEqualTo(singleProcess.files());
        assertThat(outcome.statements()).isEqualTo(singleProcess.statements());
        assertThat(outcome.emails()).isEqualTo(singleProcess.emails());
    }
}
