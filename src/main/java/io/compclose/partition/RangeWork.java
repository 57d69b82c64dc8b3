package io.compclose.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * A worker's handling of one rep range sent by a close. The message is acknowledged only once the
 * range has ended, so the range of a worker that dies goes to another worker, which continues it from
 * its last committed chunk. A range already completed, or sent by a close that has since failed or
 * been recovered, is dropped: the close that runs now sends its own.
 */
public record RangeWork(JobRepository jobRepository, StepExecutionRequestHandler handler) {

    private static final Logger log = LoggerFactory.getLogger(RangeWork.class);

    /** Runs the range the message names; never throws for a range that ran, whatever its outcome. */
    public void run(String message) {
        StepExecutionRequest request;
        try {
            request = RangeRequests.decode(message);
        } catch (IllegalArgumentException e) {
            log.error("Dropped a message from the rep-range queue: {}", e.getMessage());
            throw new AmqpRejectAndDontRequeueException(e.getMessage());
        }
        StepExecution range = jobRepository.getStepExecution(request.getStepExecutionId());
        if (range == null) {
            log.warn("Dropped {}: no such step execution in the job repository (another database?)", message);
            return;
        }
        String name = range.getStepName();
        JobExecution close = range.getJobExecution();
        if (range.getStatus() == BatchStatus.COMPLETED) {
            log.info("{} (step execution {}) is already complete: nothing to do", name, range.getId());
            return;
        }
        if (close.getStatus() != BatchStatus.STARTED && close.getStatus() != BatchStatus.STARTING) {
            log.info("Dropped {} (step execution {}): its close, execution {}, is {}; the close that continues it "
                    + "sends the range again", name, range.getId(), close.getId(), close.getStatus());
            return;
        }
        if (range.getStatus() == BatchStatus.STARTED) {
            log.warn("{} (step execution {}) was left running by a worker that stopped; continuing it from its "
                    + "last committed chunk", name, range.getId());
        }
        log.info("Running {} (step execution {}) of close execution {}", name, range.getId(), close.getId());
        StepExecution ended = handler.handle(request);
        log.info("{} (step execution {}) ended {}: read {}, written {}", name, ended.getId(), ended.getStatus(),
                ended.getReadCount(), ended.getWriteCount());
    }
}
