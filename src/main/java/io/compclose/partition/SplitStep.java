package io.compclose.partition;

import java.util.Set;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/** What is done to a step's ranges once Spring Batch has split it, before they are handed out. */
@FunctionalInterface
interface SplitStep {

    Set<StepExecution> apply(StepExecution step, int gridSize, Set<StepExecution> ranges) throws JobExecutionException;

    /** {@code splitter}, with this applied to the ranges it splits. */
    default StepExecutionSplitter after(StepExecutionSplitter splitter) {
        return new StepExecutionSplitter() {
            @Override
            public String getStepName() {
                return splitter.getStepName();
            }

            @Override
            public Set<StepExecution> split(StepExecution step, int gridSize) throws JobExecutionException {
                return apply(step, gridSize, splitter.split(step, gridSize));
            }
        };
    }
}
