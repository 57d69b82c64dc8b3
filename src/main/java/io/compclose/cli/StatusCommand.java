package io.compclose.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.PayPeriod;
import io.compclose.intake.InputFile;
import io.compclose.intake.InputFileRepository;
import io.compclose.intake.IntakeRepository;
import io.compclose.intake.RejectCount;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.partition.RepRanges;
import io.compclose.system.CloseLeases;
import io.compclose.system.CloseRun;

/** {@code status}: every execution of the close (or of one period), its steps and their counts. */
@Component
public record StatusCommand(JobRepository jobRepository, IntakeRepository intake,
        io.compclose.period.PeriodLifecycleRepository lifecycle, CloseLeases leases, InputFileRepository inputs) {

    /** One revision of a period's close: its executions, the latest one's parameters first. */
    private record Revision(CloseRun run, List<JobExecution> executions) {
    }

    public int run(PayPeriod period, PrintStream out) {
        List<JobInstance> instances = jobRepository.findJobInstances(MonthlyCloseJobConfiguration.JOB_NAME).stream()
                .sorted(Comparator.comparingLong(JobInstance::getInstanceId))
                .toList();
        // a period's revisions are job instances of their own: the period is named once, above them all
        Map<PayPeriod, List<Revision>> periods = new LinkedHashMap<>();
        for (JobInstance instance : instances) {
            List<JobExecution> executions = jobRepository.getJobExecutions(instance).stream()
                    .sorted(Comparator.comparingLong(JobExecution::getId)).toList();
            if (executions.isEmpty()) {
                continue;
            }
            // the latest attempt's inbox: a restart may continue from a copy holding the same files
            CloseRun run = CloseRun.from(executions.get(executions.size() - 1).getJobParameters());
            if (period == null || run.period().equals(period)) {
                periods.computeIfAbsent(run.period(), p -> new ArrayList<>()).add(new Revision(run, executions));
            }
        }
        periods.values().forEach(revisions -> print(revisions, out));
        if (periods.isEmpty()) {
            out.println(period == null ? "No close has run yet." : "No close of " + period + " has run yet.");
        }
        return ExitCode.OK;
    }

    private void print(List<Revision> revisions, PrintStream out) {
        CloseRun latest = revisions.get(revisions.size() - 1).run();
        // with revisions, each names its own inbox below
        out.println("Period " + latest.periodKey() + (revisions.size() > 1 ? "" : " (inbox " + latest.inbox() + ")")
                + ": " + lifecycle.state(latest.period()).describe());
        leases.holder(MonthlyCloseJobConfiguration.JOB_NAME, latest.period()).ifPresent(holder -> out.println(
                "  a close is running on " + holder.owner() + " since " + CloseReport.time(holder.acquiredAt())
                        + ", last heartbeat " + CloseReport.time(holder.heartbeatAt()) + (holder.expired()
                                ? "; its lease has expired: that process is gone, and the next close recovers it"
                                : "")));
        for (Revision revision : revisions) {
            if (revisions.size() > 1) {
                out.println("  revision " + revision.run().revision() + " (inbox " + revision.run().inbox() + ")");
            }
            print(revision.run(), revision.executions(), out);
        }
        out.println("  " + CloseReport.rejectedRows(intake, latest.periodKey()));
        out.println();
    }

    private void print(CloseRun run, List<JobExecution> executions, PrintStream out) {
        List<InputFileRepository.ReadInput> read = inputs.read(run.period(), run.revision()).stream()
                .sorted(Comparator.comparingInt(file -> MonthlyCloseJobConfiguration.STEP_ORDER.indexOf(file.readBy())))
                .toList();
        if (!read.isEmpty()) {
            out.println("  inputs read (SHA-256): " + String.join(", ", read.stream().map(file -> file.fileName() + " "
                    + (file.absent() ? "absent" : file.sha256().substring(0, 12))).toList()));
        }
        for (JobExecution execution : executions) {
            out.printf(Locale.ROOT, "  execution %d  %-9s started %s  ended %s%n", execution.getId(),
                    execution.getStatus(), CloseReport.time(execution.getStartTime()),
                    CloseReport.time(execution.getEndTime()));
            String description = execution.getExitStatus().getExitDescription();
            if (description != null && !description.isBlank()) {
                out.println("    " + io.compclose.system.Secrets.mask(description.lines().findFirst().orElse("").strip()));
            }
            for (StepExecution step : execution.getStepExecutions().stream()
                    .sorted(Comparator.comparingLong(StepExecution::getId)).toList()) {
                boolean load = InputFile.readBy(step.getStepName()).isPresent();
                out.printf(Locale.ROOT, "    %-20s %-10s read %,8d  written %,8d%s%n",
                        shown(step), step.getStatus(), step.getReadCount(), RejectCount.stored(step),
                        load ? String.format(Locale.ROOT, "  rejected %,6d", RejectCount.rejected(step)) : "");
            }
        }
    }

    /** A rep range under the step it belongs to: {@code   reps002 R0251..R0500}. */
    private static String shown(StepExecution step) {
        String name = step.getStepName();
        int range = name.indexOf("Range:");
        if (range < 0) {
            return name;
        }
        var context = step.getExecutionContext();
        return "  " + name.substring(range + "Range:".length()) + (context.containsKey(RepRanges.FIRST_REP)
                ? " " + context.getString(RepRanges.FIRST_REP) + ".." + context.getString(RepRanges.LAST_REP) : "");
    }
}
