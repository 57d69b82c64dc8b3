package io.compclose.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.PayPeriod;
import io.compclose.delivery.Postman;
import io.compclose.delivery.StatementResend;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.system.CloseRun;

/**
 * {@code resend}: one more email of a rep's statement (a lost email), or of every statement of the
 * period not delivered yet. Only after the period's close has completed: until then the close
 * itself delivers, and a resend beside it could send a statement twice.
 */
@Component
public record ResendCommand(JobRepository jobRepository, StatementResend resend) {

    public int run(PayPeriod period, String repId, String requestedBy, Path outDir, PrintStream out, PrintStream err)
            throws Exception {
        CloseRun run = CloseRun.identity(period, outDir);
        JobExecution close = jobRepository.getLastJobExecution(MonthlyCloseJobConfiguration.JOB_NAME,
                run.toJobParameters());
        if (close == null || close.getStatus() != BatchStatus.COMPLETED) {
            err.println("compclose: the close of " + period + (close == null ? " has not run"
                    : " has not completed (" + close.getStatus() + ")") + "; run or restart it with 'close': "
                    + "it delivers the statements itself");
            return ExitCode.BAD_INPUT;
        }
        if (repId != null && !resend.statements(period).containsKey(repId)) {
            err.println("compclose: there is no " + period + " statement of rep " + repId);
            return ExitCode.BAD_INPUT;
        }
        List<StatementResend.Resent> sends = resend.resend(period, repId, run.outboxDir(), requestedBy);
        if (sends.isEmpty()) {
            out.println("Every statement of " + period + " was delivered; nothing to resend.");
            return ExitCode.OK;
        }
        int failed = 0;
        for (StatementResend.Resent s : sends) {
            Postman.Outcome outcome = s.outcome();
            String what = "statement " + period + " of " + s.repId() + " (version " + s.version() + ", send "
                    + s.sendNo() + ") to " + s.recipient();
            switch (outcome.result()) {
                case SENT -> out.println("Sent " + what);
                case ALREADY_HANDLED -> out.println("Skipped " + what + ": another resend claimed it");
                default -> {
                    failed++;
                    out.println("NOT sent " + what + ": " + outcome.failure().reason());
                }
            }
        }
        if (failed > 0) {
            err.println("compclose: " + failed + " of " + sends.size() + " statements were not sent; "
                    + "run the same command again once the cause is fixed");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}
