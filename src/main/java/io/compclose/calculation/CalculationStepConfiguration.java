package io.compclose.calculation;

import io.compclose.core.calculation.RepClose;
import io.compclose.core.calculation.RepCloseCalculator;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.core.input.Roster;
import io.compclose.intake.IntakeRepository;
import io.compclose.intake.PlanFiles;
import io.compclose.partition.PartitionedSteps;
import io.compclose.rules.Conditions;
import io.compclose.system.CloseRun;
import io.compclose.system.PayCalendar;

/**
 * Calculation: every rep active in the period is closed by the core over their plan year, and
 * their earning lines, pay lines, caps and ledger are stored.
 */
@Configuration
public class CalculationStepConfiguration {

    @Bean
    Step calculateEarnings(PartitionedSteps partitioned, Step calculateEarningsRange) {
        return partitioned.byRepRange("calculateEarnings", calculateEarningsRange);
    }

    @Bean
    Step calculateEarningsRange(PartitionedSteps partitioned, ItemProcessor<String, RepClose> repCalculation,
            ItemWriter<RepClose> repCloseWriter) {
        return partitioned.range("calculateEarnings", repCalculation, repCloseWriter);
    }

    @Bean
    @StepScope
    ItemProcessor<String, RepClose> repCalculation(CloseRun run, PlanFiles planFiles, PayCalendar calendar,
            IntakeRepository intake, RepHistoryRepository history, RepHistories histories) {
        Roster roster = intake.roster(run.periodKey());
        RepCloseCalculator calculator = new RepCloseCalculator(run.period(), calendar.fiscalYear(), run.schedule(),
                planFiles.catalog(run.plans()), roster, expression -> deal -> Conditions.holds(expression, deal),
                new StepTeammates(run.period(), roster, history));
        return repId -> calculator.calculate(repId, histories.of(repId));
    }

    @Bean
    @StepScope
    ItemWriter<RepClose> repCloseWriter(CloseRun run, RepCloseRepository closes) {
        String period = run.periodKey();
        return chunk -> closes.save(period, chunk.getItems());
    }
}
