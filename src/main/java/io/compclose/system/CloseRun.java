package io.compclose.system;

import java.nio.file.Path;
import java.time.YearMonth;

import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parameters of one close. The pay period's name ({@code 2026-10}, or {@code 2026-10-15} for a
 * semi-monthly or bi-weekly run), and from the second on the revision, identify the job instance, so
 * running the same period again restarts it; the folders and the pay schedule the period was read under
 * are non-identifying. Revision 1 is the period's first close; a later revision recalculates a closed
 * period from corrected inputs.
 */
public record CloseRun(PayPeriod period, PaySchedule schedule, Path inbox, Path out, int revision) {

    public static final String PERIOD = "period";
    public static final String SCHEDULE = "pay_schedule";
    public static final String REVISION = "revision";
    public static final String INBOX = "inbox";
    public static final String OUT = "out";

    /** A calendar month's close on a monthly schedule. */
    public CloseRun(YearMonth period, Path inbox, Path out) {
        this(period, inbox, out, 1);
    }

    public CloseRun(YearMonth period, Path inbox, Path out, int revision) {
        this(PayPeriod.of(period), PaySchedule.MONTHLY, inbox, out, revision);
    }

    public CloseRun(PayPeriod period, PaySchedule schedule, Path inbox, Path out) {
        this(period, schedule, inbox, out, 1);
    }

    public static CloseRun from(JobParameters parameters) {
        Long revision = parameters.getLong(REVISION);
        String written = parameters.getString(SCHEDULE);
        // closes started before pay calendars were monthly and carry no schedule
        PaySchedule schedule = written == null ? PaySchedule.MONTHLY : PaySchedule.parse(written);
        String id = parameters.getString(PERIOD);
        PayPeriod period = schedule.closeNamed(id).orElseThrow(() -> new IllegalStateException(
                "period " + id + " is not a " + schedule + " pay period"));
        return new CloseRun(period, schedule, Path.of(parameters.getString(INBOX)),
                Path.of(parameters.getString(OUT)), revision == null ? 1 : revision.intValue());
    }

    /**
     * A period's close as the job repository identifies it, to look its executions up: by the period's name
     * (and revision) alone, so the schedule and folders given here are placeholders.
     */
    public static CloseRun identity(PayPeriod period, Path out) {
        return new CloseRun(period, PaySchedule.MONTHLY, out, out);
    }

    public static CloseRun of(StepExecution execution) {
        return from(execution.getJobExecution().getJobParameters());
    }

    /** The same period and folders, at another revision. */
    public CloseRun atRevision(int newRevision) {
        return new CloseRun(period, schedule, inbox, out, newRevision);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(PERIOD, period.id(), true);
        if (revision > 1) {
            // the first close predates revisions: its instance is identified by the period alone
            parameters.addLong(REVISION, (long) revision, true);
        }
        return parameters
                .addString(INBOX, inbox.toAbsolutePath().normalize().toString(), false)
                .addString(OUT, out.toAbsolutePath().normalize().toString(), false)
                .addString(SCHEDULE, schedule.toString(), false)
                .toJobParameters();
    }

    public boolean isRevision() {
        return revision > 1;
    }

    public String periodKey() {
        return period.id();
    }

    /** The month the period belongs to: what monthly measures, the plan year and month-named inputs follow. */
    public YearMonth month() {
        return period.month();
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
