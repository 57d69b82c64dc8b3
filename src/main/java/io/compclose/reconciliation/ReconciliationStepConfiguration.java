package io.compclose.reconciliation;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/** Reconciliation runs after payouts are summed and before anything is exported or sent. */
@Configuration
public class ReconciliationStepConfiguration {

    @Bean
    Step reconcile(StepFactory steps, Reconciliation reconciliation) {
        return steps.tasklet("reconcile", (contribution, chunkContext) -> {
            reconciliation.reconcile(CloseRun.from(chunkContext.getStepContext().getStepExecution()
                    .getJobExecution().getJobParameters()));
            return RepeatStatus.FINISHED;
        });
    }
}
