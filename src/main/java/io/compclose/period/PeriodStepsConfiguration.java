package io.compclose.period;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.audit.AuditLogRepository;
import io.compclose.core.input.BadInputException;
import io.compclose.system.CloseRun;
import io.compclose.system.PayCalendar;
import io.compclose.system.StepFactory;

/**
 * The period's lifecycle around the close: opening it (refused if it is locked; the earlier closed
 * periods are locked, since this close's true-up starts from their figures; a revision clears what
 * it recomputes) and, as the last step, recording it closed.
 */
@Configuration
public class PeriodStepsConfiguration {

    @Bean
    Step openPeriod(StepFactory steps, PeriodRevisionRepository revisions, PeriodLifecycleRepository lifecycle, Clock clock,
            AuditLogRepository audit) {
        return steps.once("openPeriod", execution -> {
            CloseRun run = CloseRun.of(execution);
            lifecycle.recordSpan(run.period());
            lifecycle.locked(run.period()).ifPresent(state -> {
                // the command refuses first; this guards a job started some other way
                throw new BadInputException(run.period() + " is " + state.lockDescription()
                        + "; its figures never change. Put late inputs and corrections in the inbox of "
                        + lifecycle.nextOpen(run.period()));
            });
            for (String earlier : lifecycle.lockClosedBefore(run.period(), LocalDateTime.now(clock))) {
                audit.record(AuditLogRepository.osUser(), AuditLogRepository.Action.LOCK, earlier, "locked by the close of "
                        + run.period() + ": its year-to-date true-up starts from these figures");
            }
            if (run.isRevision()) {
                revisions.reopen(run.period());
            }
        });
    }

    @Bean
    Step closePeriod(StepFactory steps, PeriodLifecycleRepository lifecycle, Clock clock, PayCalendar calendar) {
        return steps.once("closePeriod", execution -> {
            CloseRun run = CloseRun.of(execution);
            lifecycle.markClosed(run.period(), run.revision(), LocalDateTime.now(clock),
                    calendar.fiscalYear().start(run.month()));
        });
    }
}
