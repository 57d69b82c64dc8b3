package io.compclose.system;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parameters of one daily usage intake: the pay period whose month-to-date usage.csv it reads,
 * and the day it ran. Both identify the job instance, so each day is a new intake and running the
 * same day again restarts a failed one (or reports the finished one); the folders are non-identifying.
 */
public record UsageIntakeRun(YearMonth period, LocalDate asOf, Path inbox, Path out) {

    public static final String PERIOD = "period";
    public static final String AS_OF = "as_of";
    public static final String INBOX = "inbox";
    public static final String OUT = "out";

    public static UsageIntakeRun from(Map<String, ?> jobParameters) {
        return new UsageIntakeRun(YearMonth.parse(String.valueOf(jobParameters.get(PERIOD))),
                LocalDate.parse(String.valueOf(jobParameters.get(AS_OF))),
                Path.of(String.valueOf(jobParameters.get(INBOX))), Path.of(String.valueOf(jobParameters.get(OUT))));
    }

    public static UsageIntakeRun from(JobParameters parameters) {
        return new UsageIntakeRun(YearMonth.parse(parameters.getString(PERIOD)),
                LocalDate.parse(parameters.getString(AS_OF)), Path.of(parameters.getString(INBOX)),
                Path.of(parameters.getString(OUT)));
    }

    public static UsageIntakeRun of(StepExecution execution) {
        return from(execution.getJobExecution().getJobParameters());
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(PERIOD, period.toString(), true)
                .addString(AS_OF, asOf.toString(), true)
                .addString(INBOX, inbox.toAbsolutePath().normalize().toString(), false)
                .addString(OUT, out.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    public String periodKey() {
        return period.toString();
    }

    /** {@code usage/2026-11/usage-to-date-2026-11-14.csv}: accepted revenue per account, month and currency. */
    public Path previewFile() {
        return out.resolve("usage").resolve(periodKey()).resolve("usage-to-date-" + asOf + ".csv");
    }

    /** {@code usage/2026-11/rejects-2026-11-14.csv}: the rows the close would reject, as the close lists them. */
    public Path rejectsFile() {
        return out.resolve("usage").resolve(periodKey()).resolve("rejects-" + asOf + ".csv");
    }
}
