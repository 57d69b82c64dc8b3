package io.compclose.system;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parameters of one close. The pay period identifies the job instance, so running the same
 * period again restarts it; the folders are non-identifying and may change between attempts.
 */
public record CloseRun(YearMonth period, Path inbox, Path out) {

    public static final String PERIOD = "period";
    public static final String INBOX = "inbox";
    public static final String OUT = "out";

    public static CloseRun from(Map<String, ?> jobParameters) {
        return new CloseRun(YearMonth.parse(String.valueOf(jobParameters.get(PERIOD))),
                Path.of(String.valueOf(jobParameters.get(INBOX))),
                Path.of(String.valueOf(jobParameters.get(OUT))));
    }

    public static CloseRun from(JobParameters parameters) {
        return new CloseRun(YearMonth.parse(parameters.getString(PERIOD)), Path.of(parameters.getString(INBOX)),
                Path.of(parameters.getString(OUT)));
    }

    public static CloseRun of(StepExecution execution) {
        return from(execution.getJobExecution().getJobParameters());
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(PERIOD, period.toString(), true)
                .addString(INBOX, inbox.toAbsolutePath().normalize().toString(), false)
                .addString(OUT, out.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    public String periodKey() {
        return period.toString();
    }

    public Path plans() {
        return inbox.resolve("plans");
    }

    public Path payrollDir() {
        return out.resolve("payroll");
    }

    public Path statementsDir() {
        return out.resolve("statements").resolve(periodKey());
    }

    public Path outboxDir() {
        return out.resolve("outbox").resolve(periodKey());
    }

    public Path rejectsFile() {
        return out.resolve("rejects").resolve("rejects-" + periodKey() + ".csv");
    }
}
