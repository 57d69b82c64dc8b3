package io.compclose.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * Builds the close's steps the same way everywhere: one transaction manager, the configured
 * chunk size, progress reporting, any {@link ItemWriteListener} beans (auditing, or a test's
 * fault injection) on every chunk step, and any {@link StepExecutionListener} beans (recording the
 * input files a step reads) on every step.
 */
@Component
public class StepFactory {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final CloseProperties properties;
    private final ProgressReporter progress;
    private final ObjectProvider<ItemWriteListener<?>> writeListeners;
    private final ObjectProvider<StepExecutionListener> stepListeners;
    private final Map<String, ProgressReporter.StepProgress> sharedProgress = new ConcurrentHashMap<>();

    public StepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CloseProperties properties, ProgressReporter progress, ObjectProvider<ItemWriteListener<?>> writeListeners,
            ObjectProvider<StepExecutionListener> stepListeners) {
        this.stepListeners = stepListeners;
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

    /**
     * A chunk step over one rep range of the partitioned step {@code partitioned}: its chunks count
     * towards that step's progress line, which the partitioned step prints once for all its ranges.
     */
    public <I, O> ChunkOrientedStepBuilder<I, O> rangeChunk(String name, String partitioned) {
        ChunkOrientedStepBuilder<I, O> builder = chunkBuilder(name, properties.chunkSize());
        builder.listener(partitionedProgress(partitioned).chunks());
        // ranges run side by side, each replacing its own reps' rows: at REPEATABLE READ their deletes lock
        // the gaps between them too, and two neighbouring ranges deadlock on InnoDB's gap locks
        DefaultTransactionAttribute readCommitted = new DefaultTransactionAttribute();
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        builder.transactionAttribute(readCommitted);
        return builder;
    }

    /** The one progress line of a partitioned step, shared by the step and its ranges' chunks. */
    public ProgressReporter.StepProgress partitionedProgress(String partitioned) {
        return sharedProgress.computeIfAbsent(partitioned, name -> progress.listener(execution -> -1));
    }

    private <I, O> ChunkOrientedStepBuilder<I, O> chunk(String name, ToLongFunction<StepExecution> total, int size) {
        ChunkOrientedStepBuilder<I, O> builder = chunkBuilder(name, size);
        builder.listener((StepListener) progress.listener(total));
        return builder;
    }

    private <I, O> ChunkOrientedStepBuilder<I, O> chunkBuilder(String name, int size) {
        ChunkOrientedStepBuilder<I, O> builder = new StepBuilder(name, jobRepository)
                .<I, O>chunk(size)
                .transactionManager(transactionManager);
        writeListeners.orderedStream().forEach(listener -> builder.listener((StepListener) listener));
        stepListeners.orderedStream().forEach(listener -> builder.listener((StepListener) listener));
        return builder;
    }

    /** A step that does its work once, given the step's execution (from which {@code CloseRun.of} reads the run). */
    public Step once(String name, Consumer<StepExecution> work) {
        return tasklet(name, (contribution, chunkContext) -> {
            work.accept(chunkContext.getStepContext().getStepExecution());
            return RepeatStatus.FINISHED;
        });
    }

    public Step tasklet(String name, Tasklet tasklet) {
        var builder = new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactionManager)
                .listener((StepExecutionListener) progress.listener(execution -> -1));
        stepListeners.orderedStream().forEach(builder::listener);
        return builder.build();
    }
}
