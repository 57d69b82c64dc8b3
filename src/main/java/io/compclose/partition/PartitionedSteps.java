package io.compclose.partition;

import java.util.function.ToLongFunction;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import io.compclose.system.StepFactory;

/**
 * Builds a step that runs its reps as ranges, each range a step execution of its own: on this
 * process's threads, or handed to worker processes. Either way every range keeps its own restart
 * state, so a restarted step runs again only the ranges that did not complete.
 */
@Component
public class PartitionedSteps {

    private final JobRepository jobRepository;
    private final PartitionProperties properties;
    private final StepFactory steps;
    private final ThreadPoolTaskExecutor partitionThreads;
    private final ObjectProvider<RemotePartitions> remote;

    public PartitionedSteps(JobRepository jobRepository, PartitionProperties properties, StepFactory steps,
            ThreadPoolTaskExecutor partitionThreads, ObjectProvider<RemotePartitions> remote) {
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.steps = steps;
        this.partitionThreads = partitionThreads;
        this.remote = remote;
    }

    /**
     * @param name   the step's name in the close
     * @param range  the step that runs one range; its name is the ranges' name prefix
     * @param ranges the rep ranges
     * @param total  the reps of the whole step, for its progress line
     */
    public Step byRepRange(String name, Step range, Partitioner ranges, ToLongFunction<StepExecution> total) {
        PartitionHandler handler = properties.mode() == PartitionProperties.Mode.REMOTE
                ? remote.getObject().handler(range.getName(), properties.rangeCount())
                : onThreads(range);
        return new StepBuilder(name, jobRepository).partitioner(range.getName(), ranges)
                .gridSize(properties.rangeCount())
                .partitionHandler(RangeFailures.surfaced(RangeBounds.restored(HeaviestRangesFirst.of(handler),
                        ranges, jobRepository)))
                .listener((StepExecutionListener) steps.partitionedProgress(name).estimating(total))
                .build();
    }

    private PartitionHandler onThreads(Step range) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(range);
        handler.setTaskExecutor(partitionThreads);
        handler.setGridSize(properties.rangeCount());
        return handler;
    }
}
