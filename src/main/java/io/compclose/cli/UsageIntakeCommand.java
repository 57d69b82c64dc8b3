package io.compclose.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.compclose.core.input.BadInputException;
import io.compclose.intake.Reject;
import io.compclose.intake.UsagePreviewRepository;
import io.compclose.intake.UsagePreviewRepository.MonthTotal;
import io.compclose.intake.UsagePreviewStepsConfiguration;
import io.compclose.job.UsageIntakeJobConfiguration;
import io.compclose.system.CloseProperties;
import io.compclose.system.DatabaseLock;
import io.compclose.system.UsageIntakeRun;

/**
 * {@code usage-intake}: reads the pay period's month-to-date usage.csv as the close will, and says
 * what the close would accept and reject, so a bad delivery is fixed at the source before the close.
 * Once a day: the same day again restarts a failed intake or reports the finished one.
 */
@Component
public record UsageIntakeCommand(JobOperator jobOperator, Job usageIntake, JobRepository jobRepository,
        UsagePreviewRepository preview, Environment environment, CloseProperties properties) {

    public int run(UsageIntakeRun run, PrintStream out, PrintStream err) throws Exception {
        JobExecution last = jobRepository.getLastJobExecution(UsageIntakeJobConfiguration.JOB_NAME,
                run.toJobParameters());
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            out.println("The usage intake of " + run.period() + " as of " + run.asOf() + " already ran (execution "
                    + last.getId() + "). Nothing to do: the next one reads the file of the next day.");
            print(run, last, out);
            return ExitCode.OK;
        }
        if (last != null && last.getStatus().isRunning()) {
            if (!DatabaseLock.isExclusive(environment)) {
                err.println("compclose: a usage intake of " + run.period() + " is already running (execution "
                        + last.getId() + ", started " + CloseReport.time(last.getStartTime()) + ")");
                return ExitCode.FAILED;
            }
            out.println("The usage intake of " + run.period() + " (execution " + last.getId() + ") was interrupted "
                    + "before it finished; marking it failed so it can continue.");
            last = jobOperator.recover(last);
        }
        out.println(last == null ? "Reading the usage of " + run.period() + " to date from " + run.inbox()
                : "Restarting the usage intake of " + run.period() + " as of " + run.asOf() + " where execution "
                        + last.getId() + " stopped.");
        JobExecution execution = jobOperator.start(usageIntake, run.toJobParameters());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            print(run, execution, out);
            return ExitCode.OK;
        }
        Optional<BadInputException> badInput = Failures.badInput(execution.getAllFailureExceptions());
        if (badInput.isPresent()) {
            err.println("compclose: " + Failures.describe(badInput.get()));
            return ExitCode.BAD_INPUT;
        }
        err.println("compclose: the usage intake of " + run.period() + " failed: " + execution
                .getAllFailureExceptions().stream().findFirst().map(Failures::describe)
                .orElse(execution.getExitStatus().getExitDescription()));
        err.println("Run the same command again to continue where it stopped.");
        return ExitCode.FAILED;
    }

    private void print(UsageIntakeRun run, JobExecution execution, PrintStream out) {
        String period = run.periodKey();
        List<MonthTotal> months = preview.monthTotals(period);
        long accepted = months.stream().mapToLong(MonthTotal::rows).sum();
        long rejected = preview.count(period, Reject.Kind.REJECTED);
        long duplicates = preview.count(period, Reject.Kind.DUPLICATE);
        out.println();
        out.printf(Locale.ROOT, "Usage of %s to date, as of %s (execution %d): %,d rows accepted, %,d rejected%s%n",
                period, run.asOf(), execution.getId(), accepted, rejected,
                duplicates > 0 ? String.format(Locale.ROOT, ", %,d identical re-deliver%s counted once", duplicates,
                        duplicates == 1 ? "y" : "ies") : "");
        for (MonthTotal month : months) {
            String note = !month.usageMonth().equals(run.period()) ? "an earlier month: baseline or a correction"
                    : month.currency().equals(properties.baseCurrency()) ? "paid on at the close"
                    : "paid on at the close; needs its " + period + " rate in fx_rates.csv";
            out.printf(Locale.ROOT, "  %s  %s  %,10d rows  %16s  (%s)%n", month.usageMonth(), month.currency(),
                    month.rows(), amount(month.revenue()), note);
        }
        out.println("  Per account: " + run.previewFile());
        out.println("  Rejected rows: " + run.rejectsFile() + (rejected > 0
                ? " (fix them in the billing export: the close will reject them too)" : ""));
    }

    private static String amount(BigDecimal revenue) {
        return String.format(Locale.ROOT, "%,." + UsagePreviewStepsConfiguration.decimals(revenue) + "f", revenue);
    }
}
