package io.compclose.partition;

import java.util.Map;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Gives a restarted rep range its reps back when the close that split the step was killed between
 * recording the range and storing its bounds. Spring Batch records a range, then stores its context in
 * a second write; a restart hands a range it has seen before that range's stored context, here an empty
 * one, and the range then read no rep at all: its reps went unpaid, and only reconciliation noticed
 * (CrashRecoveryIT, killed as calculateEarningsRange:reps007 was starting). Such a range takes its
 * bounds from the same split made again: the reps and their weights are those of the first attempt,
 * since the steps before the split completed.
 */
final class RangeBounds {

    /** Where Spring Batch keeps the number of ranges a step was first split into. */
    private static final String GRID_SIZE = "SimpleStepExecutionSplitter.GRID_SIZE";

    private RangeBounds() {
    }

    static PartitionHandler restored(PartitionHandler handler, Partitioner ranges, JobRepository jobRepository) {
        return (splitter, step) -> handler.handle(restored(splitter, ranges, jobRepository), step);
    }

    static StepExecutionSplitter restored(StepExecutionSplitter splitter, Partitioner ranges,
            JobRepository jobRepository) {
        SplitStep boundsRestored = (step, gridSize, split) -> {
            Map<String, ExecutionContext> again = null;
            for (StepExecution range : split) {
                if (range.getExecutionContext().containsKey(RepRanges.FIRST_REP)) {
                    continue;
                }
                if (again == null) {
                    again = ranges.partition((int) step.getExecutionContext().getLong(GRID_SIZE, gridSize));
                }
                String name = range.getStepName().substring(range.getStepName().lastIndexOf(':') + 1);
                ExecutionContext bounds = again.get(name);
                if (bounds == null) {
                    throw new JobExecutionException("rep range " + range.getStepName() + " was recorded without "
                            + "its reps, and splitting the reps again gives no such range");
                }
                bounds.entrySet().forEach(entry -> range.getExecutionContext().put(entry.getKey(), entry.getValue()));
                jobRepository.updateExecutionContext(range);
            }
            return split;
        };
        return boundsRestored.after(splitter);
    }
}
