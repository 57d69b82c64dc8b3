package io.compclose.period;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/** After the plans are validated, a revision reopens the period; a first close has nothing to reopen. */
@Configuration
public class PeriodStepsConfiguration {

    @Bean
    Step reopenPeriod(StepFactory steps, PeriodRevision revisions) {
        return steps.tasklet("reopenPeriod", (contribution, chunkContext) -> {
            CloseRun run = CloseRun.of(chunkContext.getStepContext().getStepExecution());
            if (run.isRevision()) {
                revisions.reopen(run.period());
            }
            return RepeatStatus.FINISHED;
        });
    }
}
