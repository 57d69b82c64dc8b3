package io.compclose.cli;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import io.compclose.core.input.BadInputException;
import io.compclose.statement.DraftStatements;
import io.compclose.system.CloseRun;
import io.compclose.system.Secrets;

/**
 * How a launched close ended, for the console and the audit trail: the exit code, whether the close report is
 * shown, the lines for stderr, and the outcome the audit trail records.
 */
public record CloseEnding(int exitCode, boolean report, List<String> problems, String outcome) {

    public static CloseEnding of(CloseRun run, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new CloseEnding(ExitCode.OK, true, List.of(), "completed");
        }
        if (CloseHistory.stoppedForReview(execution)) {
            return new CloseEnding(ExitCode.REVIEW, true, List.of("compclose: the close of " + run.period()
                    + " stopped for review before payroll and statements; nothing was exported or sent.",
                    "Drafts to review: the close summary in " + run.out().resolve("reports").resolve("draft")
                            + ", the statements in " + DraftStatements.folder(run) + ".",
                    "Review the exceptions above, then: java -jar compclose.jar approve --period=" + run.period()
                            + " --by=NAME [--note=...] and run the same close command again."), "stopped for review");
        }
        String step = CloseFacts.failedStep(execution).map(s -> " in step " + s.getStepName()).orElse("");
        String outcome = CloseFacts.lowerCase(execution.getStatus()) + step + ": "
                + execution.getAllFailureExceptions().stream().findFirst().map(Failures::describe)
                        .orElse(String.valueOf(execution.getExitStatus().getExitDescription()));
        Optional<BadInputException> badInput = Failures.badInput(execution.getAllFailureExceptions());
        if (badInput.isPresent()) {
            return new CloseEnding(ExitCode.BAD_INPUT, false, List.of("compclose: " + Failures.describe(badInput.get()),
                    "Fix the input and run the same command again; the close continues from that step."), outcome);
        }
        String reason = Failures.connectionLost(execution.getAllFailureExceptions()).orElseGet(() ->
                execution.getAllFailureExceptions().stream().findFirst().map(Failures::describe)
                        .orElse(Secrets.mask(execution.getExitStatus().getExitDescription())));
        String ended = execution.getStatus() == BatchStatus.STOPPED ? "stopped" : "failed";
        return new CloseEnding(ExitCode.FAILED, false, failed(run, ended + step, reason), outcome);
    }

    /** A close that failed ({@code how}: "failed in step x") and can be restarted from that step. */
    static List<String> failed(CloseRun run, String how, String reason) {
        return List.of("compclose: the close of " + run.period() + " " + how + ": " + reason,
                "Nothing was paid twice. Fix the cause and run the same command again to restart from that step.");
    }
}
