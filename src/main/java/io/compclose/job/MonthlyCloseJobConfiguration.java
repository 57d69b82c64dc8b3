package io.compclose.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.reconciliation.ReviewGateStepConfiguration;

/**
 * The monthly close, in the order finance thinks of it. There is deliberately no incrementer:
 * the pay period identifies the job instance, so running a period again restarts it where it
 * failed, and a completed period is never paid twice.
 */
@Configuration
public class MonthlyCloseJobConfiguration {

    public static final String JOB_NAME = "monthlyClose";

    @Bean
    Job monthlyClose(JobRepository jobRepository,
            Step openPeriod, Step validatePlans, Step loadReps, Step loadFxRates, Step loadBookings, Step loadSplits,
            Step loadCancellations,
            Step loadKpis, Step loadActivities, Step loadAccountOwners, Step loadUsage, Step summariseUsage,
            Step loadAdjustments,
            Step publishRejects,
            Step creditBookings,
            Step calculateEarnings, Step summarisePayouts,
            Step reconcile, Step reviewGate,
            Step exportPayroll, Step summariseClose,
            Step renderStatements, Step deliverStatements, Step closePeriod) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(validatePlans)
                .next(openPeriod)
                .next(loadReps)
                .next(loadFxRates)
                .next(loadBookings)
                .next(loadSplits)
                .next(loadCancellations)
                .next(loadKpis)
                .next(loadActivities)
                .next(loadAccountOwners)
                .next(loadUsage)
                .next(summariseUsage)
                .next(loadAdjustments)
                .next(publishRejects)
                .next(creditBookings)
                .next(calculateEarnings)
                .next(summarisePayouts)
                .next(reconcile)
                .next(reviewGate)
                // stopped for review: the next close starts at the gate again, which passes once approved
                .on(ReviewGateStepConfiguration.REVIEW).stopAndRestart(reviewGate)
                .from(reviewGate).on("*").to(exportPayroll)
                .next(renderStatements)
                .next(deliverStatements)
                // last, so the summary holds the whole chain, statements included
                .next(summariseClose)
                .next(closePeriod)
                .end()
                .build();
    }
}
