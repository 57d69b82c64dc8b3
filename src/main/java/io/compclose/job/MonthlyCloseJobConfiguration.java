package io.compclose.job;

import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import io.compclose.reconciliation.ReviewGateStepConfiguration;

/**
 * The monthly close, in the order finance thinks of it, but for usage: it is loaded beside the other
 * inputs and crediting. There is deliberately no incrementer: the pay period identifies the job
 * instance, so running a period again restarts it where it failed, and a completed period is never
 * paid twice.
 */
@Configuration
public class MonthlyCloseJobConfiguration {

    public static final String JOB_NAME = "monthlyClose";

    /**
     * The steps in an order that puts each after every step it needs: the usage flow, which runs beside
     * the bookings flow, is put after it. A restart that reads a changed input again runs the step
     * reading it and every step after it in this order.
     */
    public static final List<String> STEP_ORDER = List.of("validatePlans", "openPeriod", "loadReps", "loadFxRates",
            "loadBookings", "loadSplits", "loadCancellations", "loadKpis", "loadActivities", "loadAccountOwners",
            "creditBookings", "loadUsage", "summariseUsage", "loadAdjustments", "loadPoolPoints", "publishRejects",
            "calculateEarnings", "summarisePayouts", "reconcile", "reviewGate", "exportPayroll", "renderStatements",
            "deliverStatements", "summariseClose", "closePeriod");

    /** The steps from {@code step} on, in {@link #STEP_ORDER}. */
    public static List<String> stepsFrom(String step) {
        int at = STEP_ORDER.indexOf(step);
        if (at < 0) {
            throw new IllegalArgumentException("no step " + step + " in the close");
        }
        return STEP_ORDER.subList(at, STEP_ORDER.size());
    }

    @Bean
    Job monthlyClose(JobRepository jobRepository,
            Step openPeriod, Step validatePlans, Step loadReps, Step loadFxRates, Step loadBookings, Step loadSplits,
            Step loadCancellations,
            Step loadKpis, Step loadActivities, Step loadAccountOwners, Step loadUsage, Step summariseUsage,
            Step loadAdjustments, Step loadPoolPoints,
            Step publishRejects,
            Step creditBookings,
            Step calculateEarnings, Step summarisePayouts,
            Step reconcile, Step reviewGate,
            Step exportPayroll, Step summariseClose,
            Step renderStatements, Step deliverStatements, Step closePeriod) {
        // usage, the largest input, waits mostly on the database's LOAD DATA and needs none of the other
        // inputs; nor do they or crediting need usage: side by side they share the two cores of a small
        // machine instead of taking turns on one (built apart: a split added to a builder that has steps
        // already would run its last step beside the flows)
        Flow usage = new FlowBuilder<SimpleFlow>("usage").start(loadUsage).next(summariseUsage).build();
        Flow bookings = new FlowBuilder<SimpleFlow>("bookings").start(loadBookings).next(loadSplits)
                .next(loadCancellations).next(loadKpis).next(loadActivities).next(loadAccountOwners)
                .next(creditBookings).build();
        Flow inputs = new FlowBuilder<SimpleFlow>("inputs").split(new SimpleAsyncTaskExecutor("close-"))
                .add(usage, bookings).build();
        return new JobBuilder(JOB_NAME, jobRepository)
                .flow(validatePlans)
                .next(openPeriod)
                .next(loadReps)
                .next(loadFxRates)
                .next(inputs)
                .next(loadAdjustments)
                .next(loadPoolPoints)
                .next(publishRejects)
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
