package io.compclose.partition;

import java.time.LocalDateTime;
import java.util.concurrent.TimeoutException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.MessageTimeoutException;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;

/**
 * The close's side of remote partitioning: it sends each rep range to the workers' queue and then
 * watches the shared job repository until every range has ended. No replies travel back, so a close
 * restarted on another host finds the ranges' outcome where the workers recorded it.
 */
public record RemotePartitions(JobRepository jobRepository, MessageChannel rangeRequests,
        PartitionProperties properties) {

    /** Hands the ranges of {@code rangeStep} to the workers; fails the step if they are not all done in time. */
    PartitionHandler handler(String rangeStep, int gridSize) {
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(rangeStep);
        handler.setGridSize(gridSize);
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(properties.pollInterval().toMillis());
        handler.setTimeout(properties.timeout().toMillis());
        handler.setMessagingOperations(new MessagingTemplate(rangeRequests));
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("cannot hand rep ranges to workers: " + e.getMessage(), e);
        }
        return (splitter, step) -> {
            try {
                return handler.handle(splitter, step);
            } catch (MessageTimeoutException | TimeoutException e) {
                failUnfinished(rangeStep, step);
                throw new WorkersTimedOutException("the workers did not finish the rep ranges of " + step.getStepName()
                        + " within " + properties.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                        + " (compclose.partition.timeout): check that serve --worker processes are running and reach "
                        + "RabbitMQ and this database; the same command sends the unfinished ranges again");
            }
        };
    }

    /**
     * Marks the ranges no worker finished as failed: the restart sends them again, and a worker still
     * running one (cut off, not dead) finds its range changed under it and stops at its next write.
     */
    private void failUnfinished(String rangeStep, StepExecution step) {
        for (StepExecution range : jobRepository.getJobExecution(step.getJobExecutionId()).getStepExecutions()) {
            if (range.getStepName().startsWith(rangeStep + ":") && range.getStatus().isRunning()) {
                range.setStatus(BatchStatus.FAILED);
                range.setExitStatus(ExitStatus.FAILED.addExitDescription("no worker finished this range within "
                        + "compclose.partition.timeout; the close's restart sends it again"));
                range.setEndTime(LocalDateTime.now());
                jobRepository.update(range);
            }
        }
    }

    /** The workers did not end every range in time. */
    public static class WorkersTimedOutException extends IllegalStateException {
        WorkersTimedOutException(String message) {
            super(message);
        }
    }
}
