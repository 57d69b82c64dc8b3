package io.compclose.intake;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Counts a load step's rejects and identical re-deliveries in its execution context. Spring Batch counts
 * every row handed to the writer as written, a rejected one too; with these counts the console shows the
 * rows a file added. The context is saved with each chunk, so a restart's counts add up to the file's.
 */
public final class RejectCount implements StepExecutionListener, ItemWriteListener<IntakeItem<?>> {

    private static final String REJECTED = "intake.rejected";
    private static final String DUPLICATES = "intake.duplicates";

    private StepExecution execution;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        execution = stepExecution;
    }

    @Override
    public void afterWrite(Chunk<? extends IntakeItem<?>> items) {
        long rejected = 0;
        long duplicates = 0;
        for (IntakeItem<?> item : items) {
            if (!item.isAccepted()) {
                if (item.reject().kind() == Reject.Kind.DUPLICATE) {
                    duplicates++;
                } else {
                    rejected++;
                }
            }
        }
        ExecutionContext context = execution.getExecutionContext();
        context.putLong(REJECTED, context.getLong(REJECTED, 0) + rejected);
        context.putLong(DUPLICATES, context.getLong(DUPLICATES, 0) + duplicates);
    }

    /** The rows a step execution rejected (0 for a step that loads no file). */
    public static long rejected(StepExecution step) {
        return step.getExecutionContext().getLong(REJECTED, 0);
    }

    /** The rows a step execution stored: those written, less the rejects and identical re-deliveries. */
    public static long stored(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        return step.getWriteCount() - context.getLong(REJECTED, 0) - context.getLong(DUPLICATES, 0);
    }
}
