package io.compclose.intake;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.compclose.system.CloseRun;

/**
 * Before a step of the close that reads input files runs, records each file's SHA-256 (or its
 * absence) in {@code close_input}: a restart then knows whether the inbox still holds what was read.
 */
@Component
public record InputRecorder(InputFileRepository inputs, Clock clock) implements StepExecutionListener {

    /** The monthly close's job name (the job configuration's constant, which this package cannot see). */
    private static final String CLOSE_JOB = "monthlyClose";

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String step = stepExecution.getStepName();
        if (!CloseInputs.reads(step)
                || !CLOSE_JOB.equals(stepExecution.getJobExecution().getJobInstance().getJobName())) {
            return;
        }
        CloseRun run = CloseRun.of(stepExecution);
        inputs.record(run.period(), run.revision(), step, run.inbox().toAbsolutePath().normalize().toString(),
                CloseInputs.fingerprints(step, run.inbox()), LocalDateTime.now(clock));
    }
}
