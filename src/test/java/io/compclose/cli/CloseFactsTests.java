package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;

import io.compclose.audit.AuditLogRepository;
import io.compclose.cli.CloseDecision.Completed;
import io.compclose.cli.CloseDecision.Launch;
import io.compclose.cli.CloseDecision.Refuse;
import io.compclose.cli.CloseDecision.Repair;
import io.compclose.core.plan.PayPeriod;
import io.compclose.system.CloseRun;
import io.compclose.system.LeaseHolder;

/** What close decides from hand-made facts, without a job repository, an inbox or a console. */
class CloseFactsTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Path INBOX = Path.of("/data/inbox/2026-10");
    private static final CloseRun RUN = new CloseRun(OCTOBER, INBOX, Path.of("/data/out"));

    @Test
    void aPeriodNeverClosedStartsFromItsInbox() {
        CloseDecision decision = facts(0, false, null, List.of()).decide();

        Launch launch = (Launch) decision;
        assertThat(launch.notes()).containsExactly("Closing 2026-10 from /data/inbox/2026-10 into /data/out");
        assertThat(launch.action()).isEqualTo(AuditLogRepository.Action.CLOSE);
        assertThat(launch.run().revision()).isEqualTo(1);
        assertThat(launch.repairs()).isEmpty();
        assertThat(launch.how()).isEqualTo("started from /data/inbox/2026-10");
    }

    @Test
    void aCompletedCloseIsReportedAndNotRunAgain() {
        JobExecution done = execution(BatchStatus.COMPLETED, INBOX);
        done.setEndTime(LocalDateTime.of(2026, 11, 2, 9, 30));

        CloseDecision decision = facts(1, false, done, List.of()).decide();

        assertThat(decision).isInstanceOf(Completed.class);
        assertThat(decision.notes()).singleElement().asString().startsWith("The close of 2026-10 already completed on ")
                .endsWith("(execution 7). Nothing to do: no payout, file or email goes out twice.");
    }

    @Test
    void aFailedCloseRestartsFromTheStepThatFailed() {
        JobExecution failed = execution(BatchStatus.FAILED, INBOX);
        step(failed, 1, "loadBookings", BatchStatus.COMPLETED);
        step(failed, 2, "calculateEarnings", BatchStatus.FAILED);

        Launch launch = (Launch) facts(1, false, failed, List.of()).decide();

        assertThat(launch.notes()).containsExactly(
                "Restarting the close of 2026-10 where execution 7 stopped (step calculateEarnings).");
        assertThat(launch.how()).isEqualTo("restarted where execution 7 stopped (step calculateEarnings)");
    }

    @Test
    void anInterruptedCloseIsMarkedFailedAndRestartedFromTheStepItWasRunning() {
        JobExecution running = execution(BatchStatus.STARTED, INBOX);
        step(running, 1, "loadBookings", BatchStatus.COMPLETED);
        step(running, 2, "calculateEarnings", BatchStatus.STARTED);

        Launch launch = (Launch) facts(1, false, running, List.of()).decide();

        assertThat(launch.repairs()).containsExactly(Repair.RECOVER_INTERRUPTED);
        assertThat(launch.notes()).containsExactly("The close of 2026-10 (execution 7) was interrupted before it "
                + "finished; marking it failed so it can continue.",
                "Restarting the close of 2026-10 where execution 7 stopped (step calculateEarnings).");
        assertThat(launch.how()).isEqualTo("execution 7 left running by an interrupted close marked failed; "
                + "restarted where execution 7 stopped (step calculateEarnings)");
    }

    @Test
    void stepsLeftRunningByAnEndedCloseAreMarkedFailedBeforeTheRestart() {
        JobExecution failed = execution(BatchStatus.FAILED, INBOX);
        step(failed, 1, "calculateEarningsRange:reps001", BatchStatus.COMPLETED);
        step(failed, 2, "calculateEarningsRange:reps002", BatchStatus.STARTING);

        Launch launch = (Launch) facts(1, false, failed, List.of()).decide();

        assertThat(launch.repairs()).containsExactly(Repair.FAIL_STEPS_LEFT_RUNNING);
        assertThat(launch.notes().get(0)).isEqualTo("The close of 2026-10 (execution 7) stopped with "
                + "calculateEarningsRange:reps002 still marked running: the database connection dropped before its "
                + "end could be recorded. Marking it failed so the close can continue.");
        assertThat(launch.how()).startsWith("1 step execution(s) of execution 7 left running marked failed; ");
    }

    @Test
    void anotherInboxWithOtherFilesIsRefusedAndAudited() {
        JobExecution failed = execution(BatchStatus.FAILED, Path.of("/data/inbox/first"));
        InputChanges.Change bookings = new InputChanges.Change("bookings.csv", "loadBookings",
                "3f1c2a9b04de" + "0".repeat(52), "9a8b7c6d5e4f" + "0".repeat(52));

        Refuse refuse = (Refuse) facts(1, false, failed, List.of(bookings)).decide();

        assertThat(refuse.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refuse.reasons().get(0)).isEqualTo("compclose: the close of 2026-10 was started from inbox "
                + "/data/inbox/first; /data/inbox/2026-10 is not the same: bookings.csv differs (sha 3f1c2a9b04de "
                + "read from /data/inbox/first, sha 9a8b7c6d5e4f in /data/inbox/2026-10)");
        assertThat(refuse.audited()).isEqualTo("revision 1, refused: inbox /data/inbox/2026-10 differs from "
                + "/data/inbox/first in bookings.csv");
    }

    @Test
    void anInputChangedAfterPayrollIsRefused() {
        JobExecution failed = execution(BatchStatus.FAILED, INBOX);
        InputChanges.Change bookings = new InputChanges.Change("bookings.csv", "loadBookings",
                "3f1c2a9b04de" + "0".repeat(52), null);
        CloseFacts facts = new CloseFacts(RUN, 1, false, failed, Optional.empty(), List.of(bookings),
                Optional.of("payroll-2026-10.csv was exported"), Optional.empty(), Optional.empty());

        Refuse refuse = (Refuse) facts.decide();

        assertThat(refuse.reasons().get(0)).isEqualTo("compclose: bookings.csv changed since the failed run "
                + "(sha 3f1c2a9b04de then, absent now), but payroll-2026-10.csv was exported: the close of 2026-10 "
                + "cannot take a changed input any more.");
        assertThat(refuse.audited()).isEqualTo("revision 1, refused: bookings.csv changed after "
                + "payroll-2026-10.csv was exported");
    }

    @Test
    void aChangedInputIsReadAgainFromTheFirstStepReadingIt() {
        JobExecution failed = execution(BatchStatus.FAILED, INBOX);
        step(failed, 1, "loadBookings", BatchStatus.COMPLETED);
        step(failed, 2, "calculateEarnings", BatchStatus.FAILED);
        InputChanges.Change bookings = new InputChanges.Change("bookings.csv", "loadBookings", null,
                "9a8b7c6d5e4f" + "0".repeat(52));

        Launch launch = (Launch) facts(1, false, failed, List.of(bookings)).decide();

        assertThat(launch.readAgainFrom()).isEqualTo("loadBookings");
        assertThat(launch.notes().get(0)).isEqualTo("bookings.csv changed since the failed run (absent then, "
                + "sha 9a8b7c6d5e4f now): re-reading it, and every step after loadBookings");
        assertThat(launch.how()).endsWith("; inputs changed (bookings.csv): read again from step loadBookings");
    }

    @Test
    void aRevisionNeedsACompletedClose() {
        Refuse refuse = (Refuse) facts(1, true, execution(BatchStatus.FAILED, INBOX), List.of()).decide();

        assertThat(refuse.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refuse.reasons()).containsExactly("compclose: there is no completed close of 2026-10 to revise "
                + "(revision 1 is failed; run close without --revise to finish it)");
        assertThat(refuse.audited()).isNull();
    }

    @Test
    void aRevisionRunsAsTheNextRevision() {
        Launch launch = (Launch) facts(2, true, execution(BatchStatus.COMPLETED, INBOX), List.of()).decide();

        assertThat(launch.run().revision()).isEqualTo(3);
        assertThat(launch.action()).isEqualTo(AuditLogRepository.Action.REVISE);
    }

    @Test
    void aBrokenPayrollLayoutStopsARestartBeforeItStarts() {
        CloseFacts facts = new CloseFacts(RUN, 1, false, execution(BatchStatus.FAILED, INBOX),
                Optional.of(CloseFacts.SetupProblem.ofLayouts("layouts.yaml: no column 'amount'")), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());

        Refuse refuse = (Refuse) facts.decide();

        assertThat(refuse.reasons()).containsExactly("compclose: layouts.yaml: no column 'amount'",
                "Fix the layout file (or compclose.payroll.layouts) and run the same command again.");
        assertThat(refuse.repairs()).isEqualTo(Set.of());
    }

    @Test
    void aHeldLeaseIsRefusedAsBusy() {
        LeaseHolder holder = new LeaseHolder("build-7", 4242, LocalDateTime.of(2026, 11, 2, 9, 0),
                LocalDateTime.of(2026, 11, 2, 9, 5), LocalDateTime.of(2026, 11, 2, 9, 10), false);

        Refuse refuse = Refuse.leaseHeld(PayPeriod.of(OCTOBER), holder);

        assertThat(refuse.exitCode()).isEqualTo(ExitCode.BUSY);
        assertThat(refuse.reasons().get(0)).startsWith("compclose: a close of 2026-10 is already running on host "
                + "build-7 (pid 4242) since ");
    }

    private static CloseFacts facts(int latest, boolean revise, JobExecution last, List<InputChanges.Change> changes) {
        return new CloseFacts(RUN, latest, revise, last, Optional.empty(), changes, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static JobExecution execution(BatchStatus status, Path inbox) {
        JobExecution execution = new JobExecution(7, new JobInstance(3, "monthlyClose"),
                new CloseRun(OCTOBER, inbox, Path.of("/data/out")).toJobParameters());
        execution.setStatus(status);
        return execution;
    }

    private static void step(JobExecution execution, long id, String name, BatchStatus status) {
        StepExecution step = new StepExecution(id, name, execution);
        step.setStatus(status);
        execution.addStepExecution(step);
    }
}
