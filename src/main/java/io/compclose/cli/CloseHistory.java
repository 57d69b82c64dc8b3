package io.compclose.cli;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.reconciliation.ReviewGateStepConfiguration;
import io.compclose.system.CloseRun;

/** The closes of a period as the job repository knows them: which revision is the latest, and how it ended. */
@Component
public class CloseHistory {

    private final JobRepository jobRepository;

    public CloseHistory(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    public JobExecution lastExecution(CloseRun run) {
        return jobRepository.getLastJobExecution(MonthlyCloseJobConfiguration.JOB_NAME, run.toJobParameters());
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
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
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

    /** Whether an execution stopped at the review gate, waiting for approval. */
    public static boolean stoppedForReview(JobExecution execution) {
        return execution != null && execution.getStatus() == BatchStatus.STOPPED
                && execution.getStepExecutions().stream().anyMatch(s -> s.getStepName()
                        .equals(ReviewGateStepConfiguration.STEP)
                        && s.getExitStatus().getExitCode().equals(ReviewGateStepConfiguration.REVIEW));
    }
}
