package io.compclose.system;

import java.util.function.ToLongFunction;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the close's steps the same way everywhere: one transaction manager, the configured
 * chunk size, progress reporting, and any {@link ItemWriteListener} beans (auditing, or a test's
 * fault injection) on every chunk step.
 */
@Component
public class StepFactory {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final CloseProperties properties;
    private final ProgressReporter progress;
    private final ObjectProvider<ItemWriteListener<?>> writeListeners;

    public StepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CloseProperties properties, ProgressReporter progress, ObjectProvider<ItemWriteListener<?>> writeListeners) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.progress = progress;
        this.writeListeners = writeListeners;
    }

    /** A chunk step over reps; {@code total} estimates its items for the progress line (-1 if unknown). */
    public <I, O> ChunkOrientedStepBuilder<I, O> chunk(String name, ToLongFunction<StepExecution> total) {
        return chunk(name, total, properties.chunkSize());
    }

    /** A chunk step over input rows (intake, crediting), with the larger intake chunk size. */
    public <I, O> ChunkOrientedStepBuilder<I, O> intakeChunk(String name, ToLongFunction<StepExecution> total) {
        return chunk(name, total, properties.intakeChunkSize());
    }

    private <I, O> ChunkOrientedStepBuilder<I, O> chunk(String name, ToLongFunction<StepExecution> total, int size) {
        ChunkOrientedStepBuilder<I, O> builder = new StepBuilder(name, jobRepository)
                .<I, O>chunk(size)
                .transactionManager(transactionManager);
        ProgressReporter.StepProgress stepProgress = progress.listener(total);
        builder.listener((StepListener) stepProgress);
        writeListeners.orderedStream().forEach(listener -> builder.listener((StepListener) listener));
        return builder;
    }

    public Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactionManager)
                .listener((StepExecutionListener) progress.listener(execution -> -1))
                .build();
    }
}
