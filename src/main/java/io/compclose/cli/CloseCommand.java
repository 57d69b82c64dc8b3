package io.compclose.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.compclose.audit.AuditLogRepository;
import io.compclose.cli.CloseDecision.Completed;
import io.compclose.cli.CloseDecision.Launch;
import io.compclose.cli.CloseDecision.Refuse;
import io.compclose.core.input.BadInputException;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;
import io.compclose.intake.RequiredRowsCheck;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.payout.PayrollLayouts;
import io.compclose.period.PeriodLifecycleRepository;
import io.compclose.period.PeriodRevisionRepository;
import io.compclose.system.CloseLease;
import io.compclose.system.CloseLeases;
import io.compclose.system.CloseRun;
import io.compclose.system.DatabaseLock;
import io.compclose.system.LeaseHeldException;
import io.compclose.system.PayCalendar;

/**
 * {@code close}: starts the period's close, restarts it after a failure, and does nothing (and
 * says so) once it has completed, so a period is never paid, filed or emailed twice. It holds the
 * period's lease throughout: a second close of the period refuses while this one is alive, and
 * recovers its execution once it is gone. What it does is decided first ({@link CloseFacts#decide()}), then
 * printed and carried out here.
 */
@Component
public record CloseCommand(JobOperator jobOperator, Job monthlyClose, CloseReport report, Environment environment,
        PeriodRevisionRepository revisions, CloseHistory history, PeriodLifecycleRepository lifecycle,
        PayrollLayouts payrollLayouts, PayCalendar payCalendar, AuditLogRepository audit, CloseLeases leases,
        InputChanges inputChanges) {

    /** Attempts to record a close failed by a lost connection, and the pause between them. */
    private static final int RECORD_ATTEMPTS = 3;
    private static final long RECORD_PAUSE_MILLIS = 600;

    /** The period's lock, if finance or a later close has locked it. */
    public Optional<PeriodLifecycleRepository.PeriodState> lock(PayPeriod period) {
        return lifecycle.locked(period);
    }

    /**
     * The command's refusal (its lines for stderr) while a live close holds the period's lease: the console says
     * it before starting one, in the same words; the command checks again, atomically, when it takes the lease.
     */
    public Optional<List<String>> leaseRefusal(PayPeriod period) {
        return leases.holder(MonthlyCloseJobConfiguration.JOB_NAME, period).filter(holder -> !holder.expired())
                .map(holder -> Refuse.leaseHeld(period, holder).reasons());
    }

    /**
     * @param revise     recalculate a completed period from the (corrected) inbox, as its next revision;
     *                   without it, the latest revision is started, restarted, or reported as completed
     * @param allowEmpty the required files this close may find without an accepted row ("bookings": a month
     *                   without bookings); any other finding stops the close before anything is paid
     */
    public int run(CloseRun first, boolean revise, Set<String> allowEmpty, PrintStream out,
            PrintStream err) throws Exception {
        return run(first, revise, allowEmpty, out, err, AuditLogRepository.osUser());
    }

    /**
     * As {@link #run(CloseRun, boolean, Set, PrintStream, PrintStream)}, recording {@code actor} in the audit trail
     * as who ran the close: the signed-in user of a close started from the console, where the command line
     * records the operating system's user.
     */
    public int run(CloseRun first, boolean revise, Set<String> allowEmpty, PrintStream out,
            PrintStream err, String actor) throws Exception {
        if (!revise && first.schedule().named(first.period().id()).isEmpty() && history.latestRevision(first) == 0) {
            // a month closed before a switch to semi-monthly pay may be finished or revised, not begun
            return carryOut(Refuse.because(ExitCode.BAD_INPUT, "compclose: " + payCalendar.notAPeriod(
                    first.period().id())), first.period(), null, allowEmpty, out, err, actor);
        }
        Optional<PeriodLifecycleRepository.PeriodState> locked = lifecycle.locked(first.period());
        if (locked.isPresent()) {
            return carryOut(Refuse.locked(first.period(), locked.get(), lifecycle.nextOpen(first.period()),
                    payCalendar.fiscalYear()),
                    first.period(), null, allowEmpty, out, err, actor);
        }
        CloseLease lease;
        try {
            lease = leases.acquire(MonthlyCloseJobConfiguration.JOB_NAME, first.period(), DatabaseLock.isExclusive(environment));
        } catch (LeaseHeldException held) {
            return carryOut(Refuse.leaseHeld(first.period(), held.holder()), first.period(), null, allowEmpty, out, err,
                    actor);
        }
        try (lease) {
            CloseFacts facts = facts(first, revise, lease);
            return carryOut(facts.decide(), first.period(), facts.last(), allowEmpty, out, err, actor);
        }
    }

    /** What the job repository, the inbox and the payroll layouts say about the period's close. */
    private CloseFacts facts(CloseRun first, boolean revise, CloseLease lease) {
        int latest = history.latestRevision(first);
        CloseRun run = first.atRevision(Math.max(latest, 1));
        JobExecution last = history.lastExecution(run);
        List<InputChanges.Change> changes = revise || last == null ? List.of()
                : inputChanges.since(run, run.inbox().toAbsolutePath().normalize());
        return new CloseFacts(run, latest, revise, last, setupProblem(run.period()), changes,
                changes.isEmpty() ? Optional.empty() : inputChanges.wentOut(run, last),
                revise ? revisions.laterPeriodClosed(run.period()) : Optional.empty(), lease.takenFrom());
    }

    private Optional<CloseFacts.SetupProblem> setupProblem(PayPeriod period) {
        try {
            payrollLayouts.layouts();
        } catch (BadInputException e) {
            return Optional.of(CloseFacts.SetupProblem.ofLayouts(Failures.describe(e)));
        }
        try {
            return midYearChange(period, payCalendar.fiscalYear()).map(CloseFacts.SetupProblem::ofPayCalendar);
        } catch (BadInputException e) {
            return Optional.of(CloseFacts.SetupProblem.ofPayCalendar(Failures.describe(e)));
        }
    }

    /**
     * A plan year's start moved while the year runs would measure this close's year to date from another month
     * than the closes already paid in it; a frequency changed while it runs would count its draws and list its
     * statements' periods otherwise than they were: the calendar may change only where a new plan year begins.
     * A period named the old way (a month closed before semi-monthly pay) is finished or revised as it was.
     */
    private Optional<String> midYearChange(PayPeriod period, FiscalYear fiscal) {
        PaySchedule schedule = payCalendar.schedule();
        return lifecycle.lastClosedUpTo(period)
                .filter(closed -> fiscal.sameYear(closed.month(), period.month()))
                .flatMap(closed -> !fiscal.start(closed.month()).equals(closed.planYearStart())
                        ? Optional.of(payCalendar.describe() + ": puts " + closed.id() + " in the plan year from "
                                + fiscal.start(closed.month()) + ", but its close measured the year to date from "
                                + closed.planYearStart() + ". Change fiscal_year_start only between two plan years: "
                                + "the first close under it must be the first month of a plan year, with no closed "
                                + "period of that year before it.")
                        : schedule.named(period.id()).isPresent() && schedule.named(closed.id()).isEmpty()
                                ? Optional.of(payCalendar.describe() + ": pays " + schedule + ", but " + closed.id()
                                        + " of the same plan year " + fiscal.name(period.month()) + " was closed "
                                        + "on another frequency. Change frequency only between two plan years: "
                                        + "the first close under it must be the first period of a plan year.")
                                : Optional.empty());
    }

    /** Prints what was found, makes the repairs the decision names, and refuses, reports or launches. */
    private int carryOut(CloseDecision decision, PayPeriod period, JobExecution last, Set<String> allowEmpty, PrintStream out,
            PrintStream err, String actor) throws Exception {
        decision.notes().forEach(out::println);
        if (decision instanceof Completed completed) {
            report.print(completed.execution(), out);
            return ExitCode.OK;
        }
        if (decision instanceof Launch launch) {
            last = repair(launch.repairs(), last);
            if (launch.readAgainFrom() != null) {
                inputChanges.readAgain(launch.run(), last, launch.readAgainFrom());
            }
            return launch(launch.run(), allowEmpty, launch.action(), launch.how(), out, err, actor);
        }
        Refuse refuse = (Refuse) decision;
        repair(refuse.repairs(), last);
        refuse.reasons().forEach(err::println);
        if (refuse.audited() != null) {
            audit.record(actor, AuditLogRepository.Action.CLOSE, period, refuse.audited());
        }
        return refuse.exitCode();
    }

    private JobExecution repair(Set<CloseDecision.Repair> repairs, JobExecution last) {
        if (repairs.contains(CloseDecision.Repair.RECOVER_INTERRUPTED)) {
            last = jobOperator.recover(last);
        }
        if (repairs.contains(CloseDecision.Repair.FAIL_UNKNOWN)) {
            last = history.failUnknown(last);
        }
        if (repairs.contains(CloseDecision.Repair.FAIL_STEPS_LEFT_RUNNING)) {
            history.failStepsLeftRunning(last);
        }
        return last;
    }

    /** Runs the close and records in the audit trail who ran it, how it started and how it ended. */
    private int launch(CloseRun run, Set<String> allowEmpty, AuditLogRepository.Action action, String how,
            PrintStream out, PrintStream err, String actor) throws Exception {
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
            audit.record(actor, action, run.period(), what + ": could not start: a step of the last "
                    + "execution is still marked running");
            err.println("compclose: the close of " + run.period() + " cannot continue yet: a step of its last run is "
                    + "still marked running, most likely a rep range a serve --worker process is still running.");
            err.println("Wait for the workers to finish it (or stop them), then run the same command again.");
            return ExitCode.BUSY;
        } catch (Exception e) {
            Optional<String> lost = Failures.connectionLost(List.of(e));
            if (lost.isPresent()) {
                return connectionLost(run, action, what, lost.get(), err, actor);
            }
            audit.record(actor, action, run.period(), what + ": could not start: " + Failures.describe(e));
            throw e;
        }
        CloseEnding ending = CloseEnding.of(run, execution);
        audit.record(actor, action, run.period(), what + ", execution " + execution.getId() + ": "
                + ending.outcome());
        if (ending.report()) {
            report.print(execution, out);
        }
        ending.problems().forEach(err::println);
        return ending.exitCode();
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
    private int connectionLost(CloseRun run, AuditLogRepository.Action action, String what, String reason, PrintStream err,
            String actor) {
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
                            .max(Comparator.comparingLong(StepExecution::getId))
                            .map(s -> " in step " + s.getStepName()).orElse("");
                    if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
                        history.failUnknown(last);
                    }
                }
                audit.record(actor, action, run.period(), what + ": failed" + step + ": " + reason);
                break;
            } catch (RuntimeException again) {
                // the database may still be away: then the next close finds the execution as it is, and recovers it
                boolean failedAtOnce = System.nanoTime() - start < 10 * RECORD_PAUSE_MILLIS * 1_000_000;
                if (attempt == RECORD_ATTEMPTS || !failedAtOnce || !paused(RECORD_PAUSE_MILLIS)) {
                    break;
                }
            }
        }
        CloseEnding.failed(run, "failed" + step, reason).forEach(err::println);
        return ExitCode.FAILED;
    }

}
