package io.compclose.partition;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import io.compclose.intake.IntakeRepository;
import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/**
 * Builds a step that runs its reps as ranges, each range a step execution of its own: on this
 * process's threads, or handed to worker processes. Either way every range keeps its own restart
 * state, so a restarted step runs again only the ranges that did not complete.
 */
@Component
public record PartitionedSteps(JobRepository jobRepository, PartitionProperties properties, StepFactory steps,
        ThreadPoolTaskExecutor partitionThreads, ObjectProvider<RemotePartitions> remote, RepRanges repRanges,
        JdbcCursorItemReader<String> repsInRange, IntakeRepository intake) {

    /**
     * The step that runs one range of {@code name}'s reps, in this process or in a worker's: a bean named
     * {@code name + "Range"}, the name workers look it up by.
     */
    public <O> Step range(String name, ItemProcessor<String, O> processor, ItemWriter<O> writer) {
        return steps.<String, O>rangeChunk(name + "Range", name)
                .reader(repsInRange)
                .processor(processor)
                .writer(writer)
                .build();
    }

    /**
     * @param name  the step's name in the close
     * @param range the step that runs one range ({@link #range}); its name is the ranges' name prefix
     */
    public Step byRepRange(String name, Step range) {
        PartitionHandler handler = properties.mode() == PartitionProperties.Mode.REMOTE
                ? remote.getObject().handler(range.getName(), properties.rangeCount())
                : onThreads(range);
        return new StepBuilder(name, jobRepository).partitioner(range.getName(), repRanges)
                .gridSize(properties.rangeCount())
                .partitionHandler(RangeFailures.surfaced(RangeBounds.restored(HeaviestRangesFirst.of(handler),
                        repRanges, jobRepository)))
                .listener((StepExecutionListener) steps.partitionedProgress(name)
                        .estimating(e -> intake.activeReps(CloseRun.of(e).period())))
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
