package io.compclose.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.compclose.audit.AuditLogRepository;
import io.compclose.core.plan.PayPeriod;
import io.compclose.reconciliation.ReviewRepository;
import io.compclose.reconciliation.ReviewRules;
import io.compclose.system.CloseRun;

/**
 * {@code approve}: records who approved a close stopped for review, when and why, with how many
 * exceptions they saw. The next {@code close} of the period continues from the review gate.
 */
@Component
public record ApproveCommand(CloseHistory history, ReviewRepository review, Clock clock, AuditLogRepository audit,
        TransactionTemplate transaction) {

    public int run(PayPeriod period, String by, String note, Path outDir, PrintStream out, PrintStream err) {
        if (by == null) {
            err.println("compclose: --by=NAME is required: an approval names who gave it");
            return ExitCode.BAD_INPUT;
        }
        JobExecution last = history.latestExecution(period, outDir);
        if (!CloseHistory.stoppedForReview(last)) {
            err.println("compclose: the close of " + period + " is not waiting for approval ("
                    + (last == null ? "it has not run" : "its last run is " + CloseFacts.lowerCase(last.getStatus()))
                    + ")");
            return ExitCode.BAD_INPUT;
        }
        int revision = CloseRun.from(last.getJobParameters()).revision();
        Optional<ReviewRepository.Approval> earlier = review.approval(period, revision);
        if (earlier.isPresent()) {
            out.println("The close of " + period + " was already approved by " + earlier.get().approvedBy() + " on "
                    + CloseReport.time(earlier.get().approvedAt()) + ". Run the close command again to continue.");
            return ExitCode.OK;
        }
        List<ReviewRules.ReviewException> exceptions = review.exceptions(period, revision);
        int reviewed = revision;
        transaction.executeWithoutResult(status -> {
            review.approve(period, reviewed, by, note, exceptions.size(), LocalDateTime.now(clock));
            audit.record(by, AuditLogRepository.Action.APPROVE, period, "revision " + reviewed + ", execution " + last.getId()
                    + ", " + exceptions.size() + " exception" + (exceptions.size() == 1 ? "" : "s")
                    + (note == null ? "" : ": " + note));
        });
        out.println("Approved the close of " + period + (revision > 1 ? " (revision " + revision + ")" : "") + " with "
                + exceptions.size() + " exception" + (exceptions.size() == 1 ? "" : "s") + ", by " + by + ".");
        out.println("Run the same close command again: it continues from the review gate to payroll and statements.");
        return ExitCode.OK;
    }
}
