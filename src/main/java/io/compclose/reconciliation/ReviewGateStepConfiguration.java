package io.compclose.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.compclose.intake.IntakeRepository;
import io.compclose.intake.PlanFiles;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.system.CloseRun;

/**
 * The review gate, between reconciliation and anything leaving the close: it records what finance
 * should look at and, when the gate is on and nobody has approved, ends its step with the exit
 * status {@value #REVIEW}, on which the job stops before payroll and statements, leaving a draft close
 * summary and the {@link ReviewDraft}s (the statements) for finance to review before approving. The gate runs
 * again on every restart, so an approval recorded in between lets the close go on.
 */
@Configuration
@EnableConfigurationProperties(ReviewProperties.class)
public class ReviewGateStepConfiguration {

    public static final String REVIEW = "REVIEW";
    public static final String STEP = "reviewGate";

    @Bean
    Step reviewGate(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReviewProperties properties, ReviewRepository review, IntakeRepository intake, PlanFiles planFiles,
            CloseSummaryWriter summary, ObjectProvider<ReviewDraft> drafts) {
        ReviewRules rules = new ReviewRules(properties);
        return new StepBuilder(STEP, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    CloseRun run = CloseRun.of(chunkContext.getStepContext().getStepExecution());
                    Roster roster = intake.roster(run.periodKey());
                    List<ReviewRules.ReviewException> found = rules.check(new ReviewRules.PeriodFigures(
                            withoutRoster(run, review, roster),
                            reps(run, review, roster, planFiles.catalog(run.plans())),
                            review.payoutTotals(run.period()),
                            properties.bookingAbove() == null ? List.of()
                                    : review.bookingsAbove(run.period(), properties.bookingAbove()),
                            review.uncreditedBookings(run.period()), review.fileRows(run.period()),
                            review.rejectedRows(run.period())));
                    review.saveExceptions(run.period(), run.revision(), found);
                    if (properties.enabled() && !found.isEmpty()
                            && review.approval(run.period(), run.revision()).isEmpty()) {
                        contribution.setExitStatus(new ExitStatus(REVIEW, found.size() + " exception(s) await review"));
                        summary.write(run, true);
                        drafts.orderedStream().forEach(draft -> draft.write(run));
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /** Reps whose bookings were rejected and who have no accepted roster row (theirs was rejected, or missing). */
    private static List<ReviewRules.RepWithoutRoster> withoutRoster(CloseRun run, ReviewRepository review,
            Roster roster) {
        return review.repsOfRejectedBookings(run.period()).entrySet().stream()
                .filter(rep -> !roster.knows(rep.getKey()))
                .map(rep -> new ReviewRules.RepWithoutRoster(rep.getKey(), rep.getValue())).toList();
    }

    /** Each rep's payout with the prior period's and a monthly target incentive from their plan. */
    private static List<ReviewRules.RepPeriod> reps(CloseRun run, ReviewRepository review, Roster roster,
            PlanCatalog plans) {
        List<ReviewRules.RepPeriod> reps = new ArrayList<>();
        for (Map.Entry<String, ReviewRepository.RepFigures> e : review.repFigures(run.period()).entrySet()) {
            BigDecimal monthlyTarget = roster.forPeriod(e.getKey(), run.period())
                    .flatMap(a -> plans.effective(a.planId(), a.lastActiveDayIn(run.period())))
                    .map(p -> p.targetIncentive() == null ? null
                            : p.targetIncentive().divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_EVEN))
                    .orElse(null);
            ReviewRepository.RepFigures f = e.getValue();
            reps.add(new ReviewRules.RepPeriod(e.getKey(), f.currency(), f.payout(), f.priorPayout(), monthlyTarget,
                    f.carriedBalance()));
        }
        reps.sort(java.util.Comparator.comparing(ReviewRules.RepPeriod::repId));
        return reps;
    }
}
