package io.compclose.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.PayPeriod;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.reconciliation.ReviewGateStepConfiguration;
import io.compclose.system.CloseRun;

/** The closes of a period as the job repository knows them: which revision is the latest, and how it ended. */
@Component
public record CloseHistory(JobRepository jobRepository) {

    public JobExecution lastExecution(CloseRun run) {
        return jobRepository.getLastJobExecution(MonthlyCloseJobConfiguration.JOB_NAME, run.toJobParameters());
    }

    /** The last execution of the period's latest revision: null when no close of the period has run. */
    public JobExecution latestExecution(PayPeriod period, Path out) {
        CloseRun any = CloseRun.identity(period, out);
        int revision = latestRevision(any);
        return revision == 0 ? null : lastExecution(any.atRevision(revision));
    }

    /** The period's latest revision that has run (0 if none): 1 is the first close. */
    public int latestRevision(CloseRun run) {
        int revision = 0;
        while (lastExecution(run.atRevision(revision + 1)) != null) {
            revision++;
        }
        return revision;
    }

    /**
     * Marks an execution that ended UNKNOWN, and its steps left UNKNOWN or still marked running, FAILED:
     * restartable. A step is left marked running when the connection dropped before its own failure could be
     * recorded; the close holds the period's lease, so nothing runs it any more.
     */
    public JobExecution failUnknown(JobExecution execution) {
        failStepsLeftRunning(execution);
        execution.setStatus(BatchStatus.FAILED);
        if (execution.getEndTime() == null) {
            execution.setEndTime(LocalDateTime.now());
        }
        jobRepository.update(execution);
        return execution;
    }

    /** The names of the steps any execution of the close's instance has run (ranges included). */
    public java.util.Set<String> stepsRun(JobExecution last) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (JobExecution execution : jobRepository.getJobExecutions(last.getJobInstance())) {
            execution.getStepExecutions().forEach(step -> names.add(step.getStepName()));
        }
        return names;
    }

    /**
     * Forgets every execution of the given steps (and of their rep ranges) in the close's instance, so the
     * next restart runs them as if for the first time: from their first row, with ranges cut afresh. Used
     * only when the inputs they read changed and their rows have been cleared.
     */
    public void forget(JobExecution last, java.util.Collection<String> steps) {
        for (JobExecution execution : jobRepository.getJobExecutions(last.getJobInstance())) {
            for (StepExecution step : execution.getStepExecutions()) {
                String name = step.getStepName();
                int range = name.indexOf("Range:");
                String owner = range < 0 ? name : name.substring(0, range);
                if (steps.contains(owner)) {
                    jobRepository.deleteStepExecution(step);
                }
            }
        }
    }

    /**
     * The steps of an execution that has ended (failed, stopped, or just recovered) that are still marked
     * running or UNKNOWN, rep ranges included: a range whose start or end could not be recorded because the
     * connection dropped under it stays STARTING or STARTED though its close failed, and Spring Batch then
     * refuses every restart as "already running".
     */
    public static List<StepExecution> stepsLeftRunning(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN)
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .toList();
    }

    /**
     * Marks those steps FAILED, with an end time, so the restart runs them again from their last committed
     * chunk. Only under the period's lease: no close runs them then, and a worker still running a range (cut
     * off, not dead) finds the range changed under it and stops at its next write.
     */
    public List<StepExecution> failStepsLeftRunning(JobExecution execution) {
        List<StepExecution> left = stepsLeftRunning(execution);
        for (StepExecution step : left) {
            if (!step.getExitStatus().getExitCode().equals(ExitStatus.FAILED.getExitCode())) {
                // a step whose failure was recorded keeps it; one whose failure went unrecorded says why it ended
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("left " + step.getStatus() + " when execution "
                        + execution.getId() + " of the close stopped; the restart runs it again from its last "
                        + "committed chunk"));
            }
            step.setStatus(BatchStatus.FAILED);
            if (step.getEndTime() == null) {
                step.setEndTime(LocalDateTime.now());
            }
            jobRepository.update(step);
        }
        return left;
    }

    /** Whether an execution stopped at the review gate, waiting for approval. */
    public static boolean stoppedForReview(JobExecution execution) {
        return execution != null && execution.getStatus() == BatchStatus.STOPPED
                && execution.getStepExecutions().stream().anyMatch(s -> s.getStepName()
                        .equals(ReviewGateStepConfiguration.STEP)
                        && s.getExitStatus().getExitCode().equals(ReviewGateStepConfiguration.REVIEW));
    }
}
