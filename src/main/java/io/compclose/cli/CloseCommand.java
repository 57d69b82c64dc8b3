package io.compclose.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.compclose.audit.AuditLog;
import io.compclose.core.input.BadInputException;
import io.compclose.intake.RequiredRowsCheck;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.payout.PayrollLayouts;
import io.compclose.period.PeriodLifecycle;
import io.compclose.period.PeriodRevision;
import io.compclose.system.CloseLease;
import io.compclose.system.CloseLeases;
import io.compclose.system.CloseRun;
import io.compclose.system.DatabaseLock;
import io.compclose.system.LeaseHeldException;
import io.compclose.system.LeaseHolder;

/**
 * {@code close}: starts the period's close, restarts it after a failure, and does nothing (and
 * says so) once it has completed, so a period is never paid, filed or emailed twice. It holds the
 * period's lease throughout: a second close of the period refuses while this one is alive, and
 * recovers its execution once it is gone.
 */
@Component
public class CloseCommand {

    /** Attempts to record a close failed by a lost connection, and the pause between them. */
    private static final int RECORD_ATTEMPTS = 3;
    private static final long RECORD_PAUSE_MILLIS = 600;

    private final JobOperator jobOperator;
    private final Job monthlyClose;
    private final CloseReport report;
    private final Environment environment;
    private final PeriodRevision revisions;
    private final CloseHistory history;
    private final PeriodLifecycle lifecycle;
    private final PayrollLayouts payrollLayouts;
    private final AuditLog audit;
    private final CloseLeases leases;
    private final InputChanges inputChanges;

    public CloseCommand(JobOperator jobOperator, Job monthlyClose, CloseReport report,
            Environment environment,
            PeriodRevision revisions, CloseHistory history, PeriodLifecycle lifecycle,
            PayrollLayouts payrollLayouts, AuditLog audit, CloseLeases leases, InputChanges inputChanges) {
        this.inputChanges = inputChanges;
        this.audit = audit;
        this.leases = leases;
        this.lifecycle = lifecycle;
        this.payrollLayouts = payrollLayouts;
        this.revisions = revisions;
        this.history = history;
        this.environment = environment;
        this.jobOperator = jobOperator;
        this.monthlyClose = monthlyClose;
        this.report = report;
    }

    /** The period's lock, if finance or a later close has locked it. */
    public Optional<PeriodLifecycle.PeriodState> lock(java.time.YearMonth period) {
        return lifecycle.locked(period);
    }

    public int run(CloseRun run, PrintStream out, PrintStream err) throws Exception {
        return run(run, false, out, err);
    }

    /**
     * @param revise recalculate a completed period from the (corrected) inbox, as its next revision;
     *               without it, the latest revision is started, restarted, or reported as completed
     */
    public int run(CloseRun first, boolean revise, PrintStream out, PrintStream err) throws Exception {
        return run(first, revise, java.util.Set.of(), out, err);
    }

    /**
     * @param allowEmpty the required files this close may find without an accepted row ("bookings": a month
     *                   without bookings); any other finding stops the close before anything is paid
     */
    public int run(CloseRun first, boolean revise, java.util.Set<String> allowEmpty, PrintStream out,
            PrintStream err) throws Exception {
        Optional<PeriodLifecycle.PeriodState> locked = lifecycle.locked(first.period());
        if (locked.isPresent()) {
            err.println("compclose: " + first.period() + " is " + locked.get().lockDescription() + ". A locked "
                    + "period's figures never change, so it cannot be closed or revised again.");
            java.time.YearMonth next = lifecycle.nextOpen(first.period());
            err.println("Put late inputs and corrections for " + first.period() + " in the inbox of the next open "
                    + "period, " + next + (next.getYear() == first.period().getYear()
                            ? ": a booking dated in " + first.period() + " is accepted there, and what it changes is "
                                    + "paid as an adjustment that names what it corrects."
                            : ", as adjustments.csv rows: the plan year " + first.period().getYear() + " is settled."));
            return ExitCode.BAD_INPUT;
        }
        CloseLease lease;
        try {
            lease = leases.acquire(MonthlyCloseJobConfiguration.JOB_NAME, first.period(), DatabaseLock.isExclusive(environment));
        } catch (LeaseHeldException held) {
            LeaseHolder holder = held.holder();
            err.println("compclose: a close of " + first.period() + " is already running on " + holder.owner()
                    + " since " + CloseReport.time(holder.acquiredAt()) + " (last heartbeat "
                    + CloseReport.time(holder.heartbeatAt()) + "); nothing was started");
            err.println("Wait for it to finish. If that process is gone, its lease expires at "
                    + CloseReport.time(holder.expiresAt()) + " and the same command then recovers its close.");
            return ExitCode.BUSY;
        }
        try (lease) {
            return runHoldingLease(first, revise, allowEmpty, lease, out, err);
        }
    }

    private int runHoldingLease(CloseRun first, boolean revise, java.util.Set<String> allowEmpty, CloseLease lease,
            PrintStream out, PrintStream err) throws Exception {
        int latest = latestRevision(first);
        CloseRun run = first.atRevision(Math.max(latest, 1));
        if (revise) {
            JobExecution closed = latest == 0 ? null : lastExecution(run);
            if (closed == null || closed.getStatus() != BatchStatus.COMPLETED) {
                err.println("compclose: there is no completed close of " + run.period() + " to revise"
                        + (closed == null ? "" : " (revision " + latest + " is " + closed.getStatus()
                                .toString().toLowerCase(java.util.Locale.ROOT) + "; run close without --revise to "
                                + "finish it)"));
                return ExitCode.BAD_INPUT;
            }
            java.util.Optional<String> later = revisions.laterPeriodClosed(run.period());
            if (later.isPresent()) {
                err.println("compclose: " + later.get() + " has been closed after " + run.period() + " and its "
                        + "year-to-date true-up started from " + run.period() + "'s figures; " + run.period()
                        + " can no longer be revised: put the correction in the next open period (adjustments.csv)");
                return ExitCode.BAD_INPUT;
            }
            if (!payrollLayoutsReadable(err)) {
                return ExitCode.BAD_INPUT;
            }
            run = run.atRevision(latest + 1);
            out.println("Revising the close of " + run.period() + " from " + run.inbox() + " (revision "
                    + run.revision() + "): statements that change are issued again, and payroll gets a "
                    + "correction file of the differences.");
            return launch(run, allowEmpty, AuditLog.Action.REVISE, "started from " + run.inbox(), out, err);
        }
        JobExecution last = lastExecution(run);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            out.println("The close of " + run.period() + (run.isRevision() ? " (revision " + run.revision() + ")" : "")
                    + " already completed on " + CloseReport.time(last.getEndTime())
                    + " (execution " + last.getId() + "). Nothing to do: no payout, file or email goes out twice.");
            List<InputChanges.Change> changed = inputChanges.since(run, run.inbox());
            if (!changed.isEmpty()) {
                out.println(changed.get(0).describe("this close read it") + ": to pay what it changes, run close "
                        + "--revise --period=" + run.period() + " --inbox=" + run.inbox());
            }
            report.print(last, out);
            return ExitCode.OK;
        }
        String recovered = "";
        if (last != null && last.getStatus().isRunning()) {
            // This close holds the period's lease, so no live process runs this execution: the one that
            // started it was killed or cut off, and its lease expired (or, on the embedded database that
            // one process at a time can open, it is gone because we are in).
            out.println("The close of " + run.period() + " (execution " + last.getId() + ") was interrupted before "
                    + "it finished" + lease.takenFrom().map(dead -> " (its process, on " + dead.owner()
                            + ", stopped renewing its lease at " + CloseReport.time(dead.heartbeatAt()) + ")")
                            .orElse("") + "; marking it failed so it can continue.");
            last = jobOperator.recover(last);
            recovered = "execution " + last.getId() + " left running by an interrupted close marked failed; ";
        }
        if (last != null && last.getStatus() == BatchStatus.UNKNOWN) {
            // Spring Batch could not confirm whether the last chunk committed (the connection dropped
            // under it) and will not restart such an execution. Here it is safe: the job repository is
            // in the close's own database, so a chunk's rows and its checkpoint committed together or not at all.
            out.println("The close of " + run.period() + " (execution " + last.getId() + ") lost its database "
                    + "connection in the middle of a write; whether or not that write went through, the restart "
                    + "continues from it consistently. Marking it failed so it can continue.");
            last = history.failUnknown(last);
        }
        if (last != null && last.getStatus() != BatchStatus.COMPLETED
                && !CloseHistory.stepsLeftRunning(last).isEmpty()) {
            // the execution ended, but some of its steps did not record how: a rep range whose connection dropped
            // as it started or ended stays STARTING or STARTED, and Spring Batch refuses every restart while one is
            List<StepExecution> left = history.failStepsLeftRunning(last);
            out.println("The close of " + run.period() + " (execution " + last.getId() + ") stopped with "
                    + stepNames(left) + " still marked running: the database connection dropped before "
                    + (left.size() == 1 ? "its end" : "their ends") + " could be recorded. Marking "
                    + (left.size() == 1 ? "it" : "them") + " failed so the close can continue.");
            recovered += left.size() + " step execution(s) of execution " + last.getId()
                    + " left running marked failed; ";
        }
        if (!payrollLayoutsReadable(err)) {
            return ExitCode.BAD_INPUT;
        }
        String readAgain = "";
        if (last != null) {
            InputVerdict inputs = followInputs(run, last, out, err);
            if (inputs.refused()) {
                audit.record(AuditLog.osUser(), AuditLog.Action.CLOSE, run.period(), "revision " + run.revision()
                        + ", refused: " + inputs.note());
                return inputs.exitCode();
            }
            readAgain = inputs.note();
        }
        String how;
        if (CloseHistory.stoppedForReview(last)) {
            out.println("Continuing the close of " + run.period() + " after review (execution " + last.getId()
                    + " stopped at the review gate).");
            how = "continued after review of execution " + last.getId();
        } else if (last != null) {
            String step = failedStep(last).map(s -> " (step " + s.getStepName() + ")").orElse("");
            out.println("Restarting the close of " + run.period() + " where execution " + last.getId() + " stopped"
                    + step + ".");
            how = "restarted where execution " + last.getId() + " stopped" + step;
        } else {
            out.println("Closing " + run.period() + " from " + run.inbox() + " into " + run.out());
            how = "started from " + run.inbox();
        }
        if (!readAgain.isEmpty()) {
            how += "; " + readAgain;
        }
        return launch(run, allowEmpty, AuditLog.Action.CLOSE, recovered + how, out, err);
    }

    /** Refused (with its exit code), or going on, with what was done about changed inputs (empty: none). */
    private record InputVerdict(int exitCode, String note) {
        static InputVerdict goOn(String note) {
            return new InputVerdict(-1, note);
        }

        boolean refused() {
            return exitCode >= 0;
        }
    }

    /**
     * A restart follows its inputs. Another inbox is taken only if it holds the very files the close
     * read; a changed, added or removed file is read again, with every step after it, while nothing has
     * been paid or sent; once payroll or statements went out, only a revision may change the figures.
     */
    private InputVerdict followInputs(CloseRun run, JobExecution last, PrintStream out, PrintStream err) {
        Path started = CloseRun.from(last.getJobParameters()).inbox().toAbsolutePath().normalize();
        Path inbox = run.inbox().toAbsolutePath().normalize();
        List<InputChanges.Change> changes = inputChanges.since(run, inbox);
        if (!started.equals(inbox)) {
            if (!changes.isEmpty()) {
                InputChanges.Change first = changes.get(0);
                err.println("compclose: the close of " + run.period() + " was started from inbox " + started + "; "
                        + inbox + " is not the same: " + first.fileName() + " differs (" + InputChanges.Change.shown(first.was())
                        + " read from " + started + ", " + InputChanges.Change.shown(first.now()) + " in " + inbox + ")");
                err.println("Run the same command with --inbox=" + started + " to finish this close, or, if the "
                        + "new files are right, copy them into that inbox and run it.");
                return new InputVerdict(ExitCode.BAD_INPUT, "inbox " + inbox + " differs from " + started + " in "
                        + first.fileName());
            }
            out.println("Inbox " + inbox + " holds the same files the close read from " + started
                    + ": continuing from it.");
        }
        if (changes.isEmpty()) {
            return InputVerdict.goOn("");
        }
        String since = last.getStatus() == BatchStatus.FAILED ? "the failed run" : "the last run";
        Optional<String> wentOut = inputChanges.wentOut(run, last);
        if (wentOut.isPresent()) {
            InputChanges.Change first = changes.get(0);
            err.println("compclose: " + first.describe(since) + ", but " + wentOut.get() + ": the close of "
                    + run.period() + " cannot take a changed input any more.");
            err.println("Put " + first.fileName() + " back as it was and run the same command to finish the close; "
                    + "then run close --revise --period=" + run.period() + " with the corrected inbox to pay the "
                    + "difference.");
            return new InputVerdict(ExitCode.BAD_INPUT, first.fileName() + " changed after " + wentOut.get());
        }
        String step = inputChanges.readAgain(run, last, changes);
        String what = String.join("; ", changes.stream().map(c -> c.describe(since)).toList());
        out.println(what + ": re-reading " + (changes.size() == 1 ? "it" : "them") + ", and every step after "
                + step);
        return InputVerdict.goOn("inputs changed (" + String.join(", ", changes.stream()
                .map(InputChanges.Change::fileName).toList()) + "): read again from step " + step);
    }

    /** Runs the close and records in the audit trail who ran it, how it started and how it ended. */
    private int launch(CloseRun run, java.util.Set<String> allowEmpty, AuditLog.Action action, String how,
            PrintStream out, PrintStream err) throws Exception {
        String what = "revision " + run.revision() + ", " + how + (allowEmpty.isEmpty() ? ""
                : ", allowing no " + String.join(", ", allowEmpty));
        JobExecution execution;
        try {
            execution = jobOperator.start(monthlyClose, allowEmpty.isEmpty() ? run.toJobParameters()
                    : new JobParametersBuilder(run.toJobParameters())
                            .addString(RequiredRowsCheck.ALLOW_EMPTY, String.join(",", allowEmpty), false)
                            .toJobParameters());
        } catch (JobExecutionAlreadyRunningException e) {
            // a step of the last execution was marked running again after it was failed above: only a worker
            // that was still running a range of it can do that
            audit.record(AuditLog.osUser(), action, run.period(), what + ": could not start: a step of the last "
                    + "execution is still marked running");
            err.println("compclose: the close of " + run.period() + " cannot continue yet: a step of its last run is "
                    + "still marked running, most likely a rep range a serve --worker process is still running.");
            err.println("Wait for the workers to finish it (or stop them), then run the same command again.");
            return ExitCode.BUSY;
        } catch (Exception e) {
            Optional<String> lost = Failures.connectionLost(List.of(e));
            if (lost.isPresent()) {
                return connectionLost(run, action, what, lost.get(), err);
            }
            audit.record(AuditLog.osUser(), action, run.period(), what + ": could not start: " + Failures.describe(e));
            throw e;
        }
        audit.record(AuditLog.osUser(), action, run.period(), what + ", execution " + execution.getId() + ": "
                + outcome(execution));
        return finish(run, execution, out, err);
    }

    private static boolean paused(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The connection dropped so late in a failing step that Spring Batch could not record the failure
     * itself: the close is recorded failed here, over a new connection, as a restart expects to find it.
     */
    private int connectionLost(CloseRun run, AuditLog.Action action, String what, String reason, PrintStream err) {
        String step = "";
        // the pool may still hold connections the server dropped, and trusts one used in the last half
        // second without testing it: such a one fails at once, and after a pause the pool tests each before
        // handing it out (a server still away fails only after the pool's timeout: no second wait then)
        for (int attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
            long start = System.nanoTime();
            try {
                JobExecution last = history.lastExecution(run);
                if (last != null) {
                    step = last.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                            .max(java.util.Comparator.comparingLong(StepExecution::getId))
                            .map(s -> " in step " + s.getStepName()).orElse("");
                    if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
                        history.failUnknown(last);
                    }
                }
                audit.record(AuditLog.osUser(), action, run.period(), what + ": failed" + step + ": " + reason);
                break;
            } catch (RuntimeException again) {
                // the database may still be away: then the next close finds the execution as it is, and recovers it
                boolean failedAtOnce = System.nanoTime() - start < 10 * RECORD_PAUSE_MILLIS * 1_000_000;
                if (attempt == RECORD_ATTEMPTS || !failedAtOnce || !paused(RECORD_PAUSE_MILLIS)) {
                    break;
                }
            }
        }
        err.println("compclose: the close of " + run.period() + " failed" + step + ": " + reason);
        err.println("Nothing was paid twice. Fix the cause and run the same command again to restart from that step.");
        return ExitCode.FAILED;
    }

    private static String outcome(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return "completed";
        }
        if (CloseHistory.stoppedForReview(execution)) {
            return "stopped for review";
        }
        return execution.getStatus().toString().toLowerCase(java.util.Locale.ROOT)
                + failedStep(execution).map(s -> " in step " + s.getStepName()).orElse("") + ": "
                + execution.getAllFailureExceptions().stream().findFirst().map(Failures::describe)
                        .orElse(String.valueOf(execution.getExitStatus().getExitDescription()));
    }

    /** A broken payroll layout stops the close before it starts, rather than at the payroll step. */
    private boolean payrollLayoutsReadable(PrintStream err) {
        try {
            payrollLayouts.layouts();
            return true;
        } catch (BadInputException e) {
            err.println("compclose: " + Failures.describe(e));
            err.println("Fix the layout file (or compclose.payroll.layouts) and run the same command again.");
            return false;
        }
    }

    private JobExecution lastExecution(CloseRun run) {
        return history.lastExecution(run);
    }

    private int latestRevision(CloseRun run) {
        return history.latestRevision(run);
    }


    private int finish(CloseRun run, JobExecution execution, PrintStream out, PrintStream err) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            report.print(execution, out);
            return ExitCode.OK;
        }
        if (CloseHistory.stoppedForReview(execution)) {
            report.print(execution, out);
            err.println("compclose: the close of " + run.period() + " stopped for review before payroll and "
                    + "statements; nothing was exported or sent.");
            err.println("Review the exceptions above, then: java -jar compclose.jar approve --period=" + run.period()
                    + " --by=NAME [--note=...] and run the same close command again.");
            return ExitCode.REVIEW;
        }
        Optional<BadInputException> badInput = Failures.badInput(execution.getAllFailureExceptions());
        if (badInput.isPresent()) {
            err.println("compclose: " + Failures.describe(badInput.get()));
            err.println("Fix the input and run the same command again; the close continues from that step.");
            return ExitCode.BAD_INPUT;
        }
        String reason = Failures.connectionLost(execution.getAllFailureExceptions()).orElseGet(() ->
                execution.getAllFailureExceptions().stream().findFirst().map(Failures::describe)
                        .orElse(io.compclose.system.Secrets.mask(execution.getExitStatus().getExitDescription())));
        String ended = execution.getStatus() == BatchStatus.STOPPED ? "stopped" : "failed";
        err.println("compclose: the close of " + run.period() + " " + ended
                + failedStep(execution).map(s -> " in step " + s.getStepName()).orElse("") + ": " + reason);
        err.println("Nothing was paid twice. Fix the cause and run the same command again to restart from that step.");
        return ExitCode.FAILED;
    }

    /** {@code calculateEarningsRange:reps002}, or the first three and how many more. */
    private static String stepNames(List<StepExecution> steps) {
        List<String> names = steps.stream().map(StepExecution::getStepName).toList();
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    private static Optional<StepExecution> failedStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.STOPPED
                        || s.getStatus() == BatchStatus.UNKNOWN)
                .findFirst();
    }
}
