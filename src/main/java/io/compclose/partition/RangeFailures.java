package io.compclose.partition;

import java.util.Collection;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.StepExecution;

/**
 * A partitioned step fails with the failure of its first failed range, not with Spring Batch's own
 * "Partition handler returned an unsuccessful step": the range's failure says what went wrong. A
 * range run here left its exception; one run in a worker left its reason in the job repository.
 */
final class RangeFailures {

    private RangeFailures() {
    }

    static PartitionHandler surfaced(PartitionHandler handler) {
        return (splitter, step) -> {
            Collection<StepExecution> ranges = handler.handle(splitter, step);
            for (StepExecution range : ranges) {
                if (range.getStatus() != BatchStatus.FAILED) {
                    continue;
                }
                if (!range.getFailureExceptions().isEmpty()) {
                    Throwable failure = range.getFailureExceptions().get(0);
                    throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
                }
                throw new RangeFailedException("rep range " + range.getStepName() + " failed in a worker: "
                        + reason(range.getExitStatus().getExitDescription()));
            }
            return ranges;
        };
    }

    /** The first line of a stored stack trace, without its exception class. */
    private static String reason(String exitDescription) {
        String first = exitDescription == null ? "" : exitDescription.lines().findFirst().orElse("").strip();
        return first.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }

    /** A range failed in a worker. */
    public static class RangeFailedException extends IllegalStateException {
        RangeFailedException(String message) {
            super(message);
        }
    }
}
