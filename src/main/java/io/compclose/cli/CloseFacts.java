package io.compclose.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import io.compclose.audit.AuditLogRepository;
import io.compclose.cli.CloseDecision.Completed;
import io.compclose.cli.CloseDecision.Launch;
import io.compclose.cli.CloseDecision.Refuse;
import io.compclose.cli.CloseDecision.Repair;
import io.compclose.system.CloseRun;
import io.compclose.system.LeaseHolder;

/**
 * What {@code close} knows about a period once it holds the lease, and the {@link CloseDecision} that follows.
 *
 * @param run           the latest revision (1 when none has run), as asked for: its inbox as given
 * @param latest        the latest revision that has run, 0 if none
 * @param last          that revision's last execution, null if none
 * @param setupProblem  why the payroll layouts or the pay calendar cannot be used, if they cannot
 * @param changes       the inputs that differ in the inbox from what {@code last} read (empty when revising)
 * @param wentOut       what of the close reached payroll or people, if inputs changed
 * @param laterClosed   a later period whose close started from this one's figures (asked only when revising)
 * @param leaseTakenFrom the holder of the expired lease this close took over, if any
 */
record CloseFacts(CloseRun run, int latest, boolean revise, JobExecution last, Optional<SetupProblem> setupProblem,
        List<InputChanges.Change> changes, Optional<String> wentOut, Optional<String> laterClosed,
        Optional<LeaseHolder> leaseTakenFrom) {

    /** What in the close's configuration is wrong, and the file or setting that fixes it. */
    record SetupProblem(String problem, String fixedIn) {

        static SetupProblem ofLayouts(String problem) {
            return new SetupProblem(problem, "the layout file (or compclose.payroll.layouts)");
        }

        static SetupProblem ofPayCalendar(String problem) {
            return new SetupProblem(problem, "the pay calendar (or compclose.pay-calendar)");
        }
    }

    CloseDecision decide() {
        return revise ? revision() : close();
    }

    private CloseDecision revision() {
        if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
            return Refuse.because(ExitCode.BAD_INPUT, "compclose: there is no completed close of " + run.period()
                    + " to revise" + (last == null ? "" : " (revision " + latest + " is " + lowerCase(last.getStatus())
                            + "; run close without --revise to finish it)"));
        }
        if (laterClosed.isPresent()) {
            return Refuse.because(ExitCode.BAD_INPUT, "compclose: " + laterClosed.get() + " has been closed after "
                    + run.period() + " and its year-to-date true-up started from " + run.period() + "'s figures; "
                    + run.period() + " can no longer be revised: put the correction in the next open period "
                    + "(adjustments.csv)");
        }
        if (setupProblem.isPresent()) {
            return setupRefused(List.of(), Set.of());
        }
        CloseRun revision = run.atRevision(latest + 1);
        return new Launch(List.of("Revising the close of " + revision.period() + " from " + revision.inbox()
                + " (revision " + revision.revision() + "): statements that change are issued again, and payroll gets "
                + "a correction file of the differences."), Set.of(), revision, AuditLogRepository.Action.REVISE, null,
                "started from " + revision.inbox());
    }

    private CloseDecision close() {
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            List<String> notes = new ArrayList<>(List.of("The close of " + run.period() + (run.isRevision()
                    ? " (revision " + run.revision() + ")" : "") + " already completed on "
                    + CloseReport.time(last.getEndTime()) + " (execution " + last.getId() + "). Nothing to do: no "
                    + "payout, file or email goes out twice."));
            if (!changes.isEmpty()) {
                notes.add(changes.get(0).describe("this close read it") + ": to pay what it changes, run close "
                        + "--revise --period=" + run.period() + " --inbox=" + run.inbox());
            }
            return new Completed(notes, last);
        }
        List<String> notes = new ArrayList<>();
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        String recovered = "";
        BatchStatus status = last == null ? null : last.getStatus();
        List<StepExecution> left = last == null ? List.of() : CloseHistory.stepsLeftRunning(last);
        if (status != null && status.isRunning()) {
            // This close holds the period's lease, so no live process runs this execution: the one that
            // started it was killed or cut off, and its lease expired (or, on the embedded database that
            // one process at a time can open, it is gone because we are in).
            notes.add("The close of " + run.period() + " (execution " + last.getId() + ") was interrupted before "
                    + "it finished" + leaseTakenFrom.map(dead -> " (its process, on " + dead.owner()
                            + ", stopped renewing its lease at " + CloseReport.time(dead.heartbeatAt()) + ")")
                            .orElse("") + "; marking it failed so it can continue.");
            repairs.add(Repair.RECOVER_INTERRUPTED);
            recovered = "execution " + last.getId() + " left running by an interrupted close marked failed; ";
            // Spring Batch's recovery fails the steps still running, not those left UNKNOWN
            left = left.stream().filter(step -> step.getStatus() == BatchStatus.UNKNOWN).toList();
            status = BatchStatus.FAILED;
        }
        if (status == BatchStatus.UNKNOWN) {
            // Spring Batch could not confirm whether the last chunk committed (the connection dropped
            // under it) and will not restart such an execution. Here it is safe: the job repository is
            // in the close's own database, so a chunk's rows and its checkpoint committed together or not at all.
            notes.add("The close of " + run.period() + " (execution " + last.getId() + ") lost its database "
                    + "connection in the middle of a write; whether or not that write went through, the restart "
                    + "continues from it consistently. Marking it failed so it can continue.");
            repairs.add(Repair.FAIL_UNKNOWN);
            left = List.of();
            status = BatchStatus.FAILED;
        }
        if (!left.isEmpty()) {
            // the execution ended, but some of its steps did not record how: a rep range whose connection dropped
            // as it started or ended stays STARTING or STARTED, and Spring Batch refuses every restart while one is
            notes.add("The close of " + run.period() + " (execution " + last.getId() + ") stopped with "
                    + stepNames(left) + " still marked running: the database connection dropped before "
                    + (left.size() == 1 ? "its end" : "their ends") + " could be recorded. Marking "
                    + (left.size() == 1 ? "it" : "them") + " failed so the close can continue.");
            repairs.add(Repair.FAIL_STEPS_LEFT_RUNNING);
            recovered += left.size() + " step execution(s) of execution " + last.getId()
                    + " left running marked failed; ";
        }
        if (setupProblem.isPresent()) {
            return setupRefused(notes, repairs);
        }
        String readAgainFrom = null;
        String readAgain = "";
        if (last != null) {
            Optional<Refuse> refused = followInputs(status, notes, repairs);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (!changes.isEmpty()) {
                readAgainFrom = InputChanges.firstReading(changes);
                readAgain = "inputs changed (" + String.join(", ", changes.stream()
                        .map(InputChanges.Change::fileName).toList()) + "): read again from step " + readAgainFrom;
            }
        }
        String how;
        if (status == BatchStatus.STOPPED && CloseHistory.stoppedForReview(last)) {
            notes.add("Continuing the close of " + run.period() + " after review (execution " + last.getId()
                    + " stopped at the review gate).");
            how = "continued after review of execution " + last.getId();
        } else if (last != null) {
            String step = stoppedIn(last, !repairs.isEmpty()).map(s -> " (step " + s.getStepName() + ")").orElse("");
            notes.add("Restarting the close of " + run.period() + " where execution " + last.getId() + " stopped"
                    + step + ".");
            how = "restarted where execution " + last.getId() + " stopped" + step;
        } else {
            notes.add("Closing " + run.period() + " from " + run.inbox() + " into " + run.out());
            how = "started from " + run.inbox();
        }
        if (!readAgain.isEmpty()) {
            how += "; " + readAgain;
        }
        return new Launch(notes, repairs, run, AuditLogRepository.Action.CLOSE, readAgainFrom, recovered + how);
    }

    /**
     * A restart follows its inputs. Another inbox is taken only if it holds the very files the close
     * read; a changed, added or removed file is read again, with every step after it, while nothing has
     * been paid or sent; once payroll or statements went out, only a revision may change the figures.
     */
    private Optional<Refuse> followInputs(BatchStatus status, List<String> notes, Set<Repair> repairs) {
        Path started = CloseRun.from(last.getJobParameters()).inbox().toAbsolutePath().normalize();
        Path inbox = run.inbox().toAbsolutePath().normalize();
        if (!started.equals(inbox)) {
            if (!changes.isEmpty()) {
                InputChanges.Change first = changes.get(0);
                return Optional.of(new Refuse(notes, repairs, ExitCode.BAD_INPUT, List.of("compclose: the close of "
                        + run.period() + " was started from inbox " + started + "; " + inbox + " is not the same: "
                        + first.fileName() + " differs (" + InputChanges.Change.shown(first.was()) + " read from "
                        + started + ", " + InputChanges.Change.shown(first.now()) + " in " + inbox + ")",
                        "Run the same command with --inbox=" + started + " to finish this close, or, if the "
                                + "new files are right, copy them into that inbox and run it."),
                        refusal("inbox " + inbox + " differs from " + started + " in " + first.fileName())));
            }
            notes.add("Inbox " + inbox + " holds the same files the close read from " + started
                    + ": continuing from it.");
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        String since = status == BatchStatus.FAILED ? "the failed run" : "the last run";
        if (wentOut.isPresent()) {
            InputChanges.Change first = changes.get(0);
            return Optional.of(new Refuse(notes, repairs, ExitCode.BAD_INPUT, List.of("compclose: "
                    + first.describe(since) + ", but " + wentOut.get() + ": the close of " + run.period()
                    + " cannot take a changed input any more.", "Put " + first.fileName() + " back as it was and "
                            + "run the same command to finish the close; then run close --revise --period="
                            + run.period() + " with the corrected inbox to pay the difference."),
                    refusal(first.fileName() + " changed after " + wentOut.get())));
        }
        notes.add(String.join("; ", changes.stream().map(c -> c.describe(since)).toList()) + ": re-reading "
                + (changes.size() == 1 ? "it" : "them") + ", and every step after "
                + InputChanges.firstReading(changes));
        return Optional.empty();
    }

    private String refusal(String why) {
        return "revision " + run.revision() + ", refused: " + why;
    }

    /** A broken payroll layout or pay calendar stops the close before it starts, rather than at its step. */
    private Refuse setupRefused(List<String> notes, Set<Repair> repairs) {
        return new Refuse(notes, repairs, ExitCode.BAD_INPUT, List.of("compclose: " + setupProblem.get().problem(),
                "Fix " + setupProblem.get().fixedIn() + " and run the same command again."), null);
    }

    static String lowerCase(BatchStatus status) {
        return status.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code calculateEarningsRange:reps002}, or the first three and how many more. */
    private static String stepNames(List<StepExecution> steps) {
        List<String> names = steps.stream().map(StepExecution::getStepName).toList();
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    static Optional<StepExecution> failedStep(JobExecution execution) {
        return stoppedIn(execution, false);
    }

    /** The first step that failed or stopped; once {@code repaired}, those still marked running have failed too. */
    private static Optional<StepExecution> stoppedIn(JobExecution execution, boolean repaired) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.STOPPED
                        || s.getStatus() == BatchStatus.UNKNOWN || repaired && s.getStatus().isRunning())
                .findFirst();
    }
}
