package io.compclose.cli;

import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;

import io.compclose.audit.AuditLogRepository;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PayPeriod;
import io.compclose.period.PeriodLifecycleRepository;
import io.compclose.system.CloseRun;
import io.compclose.system.LeaseHolder;

/**
 * What {@code close} does for a period, decided from {@link CloseFacts} before anything is repaired, started
 * or printed. {@code notes} are the console lines that say what was found, printed before anything is done.
 */
sealed interface CloseDecision {

    List<String> notes();

    /** What the job repository needs marked failed before the last execution can be restarted. */
    enum Repair {
        /** A process still marked running, whose lease expired: Spring Batch's own recovery. */
        RECOVER_INTERRUPTED,
        /** An execution that ended UNKNOWN, with its steps. */
        FAIL_UNKNOWN,
        /** Steps of an ended execution still marked running. */
        FAIL_STEPS_LEFT_RUNNING
    }

    /** Nothing starts: the exit code, the lines for stderr, and the audit trail's detail (null: not recorded). */
    record Refuse(List<String> notes, Set<Repair> repairs, int exitCode, List<String> reasons, String audited)
            implements CloseDecision {

        static Refuse because(int exitCode, String... reasons) {
            return new Refuse(List.of(), Set.of(), exitCode, List.of(reasons), null);
        }

        static Refuse locked(PayPeriod period, PeriodLifecycleRepository.PeriodState lock, PayPeriod next,
                FiscalYear fiscal) {
            return because(ExitCode.BAD_INPUT, "compclose: " + period + " is " + lock.lockDescription() + ". A locked "
                    + "period's figures never change, so it cannot be closed or revised again.",
                    "Put late inputs and corrections for " + period + " in the inbox of the next open period, " + next
                            + (fiscal.sameYear(next.month(), period.month())
                                    ? ": a booking dated in " + period + " is accepted there, and what it changes is "
                                            + "paid as an adjustment that names what it corrects."
                                    : ", as adjustments.csv rows: the plan year " + fiscal.name(period.month())
                                            + " is settled."));
        }

        static Refuse leaseHeld(PayPeriod period, LeaseHolder holder) {
            return because(ExitCode.BUSY, "compclose: a close of " + period + " is already running on "
                    + holder.owner() + " since " + CloseReport.time(holder.acquiredAt()) + " (last heartbeat "
                    + CloseReport.time(holder.heartbeatAt()) + "); nothing was started",
                    "Wait for it to finish. If that process is gone, its lease expires at "
                            + CloseReport.time(holder.expiresAt()) + " and the same command then recovers its close.");
        }
    }

    /** The revision has completed: nothing starts, and its report is shown again. */
    record Completed(List<String> notes, JobExecution execution) implements CloseDecision {
    }

    /**
     * The close starts, restarts or continues as {@code run}; {@code readAgainFrom} is the first step that reads a
     * changed input again (null: none), and {@code how} goes to the audit trail.
     */
    record Launch(List<String> notes, Set<Repair> repairs, CloseRun run, AuditLogRepository.Action action,
            String readAgainFrom, String how) implements CloseDecision {
    }
}
