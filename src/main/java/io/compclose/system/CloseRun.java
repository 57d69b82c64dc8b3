package io.compclose.system;

import java.nio.file.Path;
import java.time.YearMonth;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parameters of one close. The pay period, and from the second on the revision, identify the
 * job instance, so running the same period again restarts it; the folders are non-identifying and
 * may change between attempts. Revision 1 is the period's first close; a later revision recalculates
 * a closed period from corrected inputs.
 */
public record CloseRun(YearMonth period, Path inbox, Path out, int revision) {

    public static final String PERIOD = "period";
    public static final String REVISION = "revision";
    public static final String INBOX = "inbox";
    public static final String OUT = "out";

    public CloseRun(YearMonth period, Path inbox, Path out) {
        this(period, inbox, out, 1);
    }

    public static CloseRun from(JobParameters parameters) {
        Long revision = parameters.getLong(REVISION);
        return new CloseRun(YearMonth.parse(parameters.getString(PERIOD)), Path.of(parameters.getString(INBOX)),
                Path.of(parameters.getString(OUT)), revision == null ? 1 : revision.intValue());
    }

    public static CloseRun of(StepExecution execution) {
        return from(execution.getJobExecution().getJobParameters());
    }

    /** The same period and folders, at another revision. */
    public CloseRun atRevision(int newRevision) {
        return new CloseRun(period, inbox, out, newRevision);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(PERIOD, period.toString(), true);
        if (revision > 1) {
            // the first close predates revisions: its instance is identified by the period alone
            parameters.addLong(REVISION, (long) revision, true);
        }
        return parameters
                .addString(INBOX, inbox.toAbsolutePath().normalize().toString(), false)
                .addString(OUT, out.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    public boolean isRevision() {
        return revision > 1;
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

    /** {@code payroll-2026-10}, and {@code payroll-2026-10-r2} for the correction file of revision 2. */
    public String payrollName() {
        return "payroll-" + periodKey() + (isRevision() ? "-r" + revision : "");
    }

    /** {@code reports/close-summary-2026-10} (and {@code -r2} for a revision), without the extension. */
    public Path closeSummary() {
        return out.resolve("reports").resolve("close-summary-" + periodKey() + (isRevision() ? "-r" + revision : ""));
    }

    public Path statementsDir() {
        return out.resolve("statements").resolve(periodKey());
    }

    /** {@code R006.pdf} for a period's first statement, {@code R006.v2.pdf} for a revised one. */
    public Path statementFile(String repId, int version) {
        return statementsDir().resolve(repId + (version > 1 ? ".v" + version : "") + ".pdf");
    }

    public Path outboxDir() {
        return out.resolve("outbox").resolve(periodKey());
    }

    public Path rejectsFile() {
        return out.resolve("rejects").resolve("rejects-" + periodKey() + ".csv");
    }
}
