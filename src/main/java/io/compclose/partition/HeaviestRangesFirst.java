package io.compclose.partition;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/**
 * Hands out a step's ranges heaviest first. Spring Batch keeps the ranges in a hash set, so a heavy
 * range could start last and run on alone while the other threads or workers idle; started first, the
 * light ranges fill in around it.
 */
final class HeaviestRangesFirst {

    private HeaviestRangesFirst() {
    }

    static PartitionHandler of(PartitionHandler handler) {
        return (splitter, step) -> handler.handle(sorted(splitter), step);
    }

    static StepExecutionSplitter sorted(StepExecutionSplitter splitter) {
        SplitStep heaviestFirst = (step, gridSize, ranges) -> {
            Set<StepExecution> sorted = new LinkedHashSet<>();
            ranges.stream().sorted(Comparator.comparingLong(HeaviestRangesFirst::weight).reversed()
                    .thenComparing(StepExecution::getStepName)).forEach(sorted::add);
            return sorted;
        };
        return heaviestFirst.after(splitter);
    }

    /** A range's weight; a range split before ranges were weighed counts as light. */
    private static long weight(StepExecution range) {
        return range.getExecutionContext().getLong(RepRanges.WEIGHT, 0);
    }
}
