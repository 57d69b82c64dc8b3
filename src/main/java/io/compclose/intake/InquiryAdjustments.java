package io.compclose.intake;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import io.compclose.system.CloseRun;

/**
 * Before adjustments.csv is read, the adjustments inquiries were resolved with join the period's adjustments
 * (see {@link IntakeRepository#mergeInquiryAdjustments}): paid by the close like any other, whatever the inbox holds.
 */
record InquiryAdjustments(IntakeRepository repository) implements StepExecutionListener {

    @Override
    public void beforeStep(StepExecution stepExecution) {
        repository.mergeInquiryAdjustments(CloseRun.of(stepExecution).periodKey());
    }
}
