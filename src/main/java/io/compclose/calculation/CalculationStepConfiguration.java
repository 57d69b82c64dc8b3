package io.compclose.calculation;

import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.intake.IntakeRepository;
import io.compclose.intake.PlanFiles;
import io.compclose.intake.RepAssignment;
import io.compclose.intake.Roster;
import io.compclose.plan.Plan;
import io.compclose.plan.PlanCatalog;
import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/** Calculation: each credit becomes an earning line under the rep's plan on the booking date. */
@Configuration
public class CalculationStepConfiguration {

    private static final String PARAMS = "#{jobParameters}";

    @Bean
    Step calculateEarnings(StepFactory steps, JdbcCursorItemReader<CreditedAmount> creditsToCalculate,
            ItemProcessor<CreditedAmount, EarningLine> earningCalculation, ItemWriter<EarningLine> earningWriter,
            JdbcTemplate jdbc) {
        return steps.<CreditedAmount, EarningLine>chunk("calculateEarnings", e -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit WHERE pay_period = ?", Long.class, CloseRun.of(e).periodKey()))
                .reader(creditsToCalculate)
                .processor(earningCalculation)
                .writer(earningWriter)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<CreditedAmount> creditsToCalculate(@Value(PARAMS) Map<String, Object> params,
            DataSource dataSource) {
        return new JdbcCursorItemReaderBuilder<CreditedAmount>()
                .name("creditsToCalculate")
                .dataSource(dataSource)
                .sql("""
                        SELECT c.rep_id, c.booking_id, b.booked_on, c.credit_share, c.amount, c.currency
                        FROM credit c JOIN booking b ON b.pay_period = c.pay_period AND b.booking_id = c.booking_id
                        WHERE c.pay_period = ? ORDER BY c.booking_id, c.rep_id
                        """)
                .queryArguments(CloseRun.from(params).periodKey())
                .rowMapper((rs, i) -> new CreditedAmount(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)))
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<CreditedAmount, EarningLine> earningCalculation(@Value(PARAMS) Map<String, Object> params,
            PlanFiles planFiles, IntakeRepository intake) {
        CloseRun run = CloseRun.from(params);
        Roster roster = intake.roster(run.periodKey());
        PlanCatalog plans = planFiles.catalog(run.plans());
        FlatRateCalculator calculator = new FlatRateCalculator();
        return credit -> calculator.commission(credit, planOf(credit, roster, plans));
    }

    @Bean
    @StepScope
    ItemWriter<EarningLine> earningWriter(@Value(PARAMS) Map<String, Object> params, EarningRepository earnings) {
        String period = CloseRun.from(params).periodKey();
        return chunk -> earnings.save(period, chunk.getItems());
    }

    /** Intake guaranteed an assignment and a plan version on the booking date; their absence is a defect. */
    private static Plan planOf(CreditedAmount credit, Roster roster, PlanCatalog plans) {
        RepAssignment assignment = roster.activeOn(credit.repId(), credit.bookedOn()).orElseThrow(() ->
                new IllegalStateException("rep " + credit.repId() + " has no assignment on " + credit.bookedOn()));
        return plans.effective(assignment.planId(), credit.bookedOn()).orElseThrow(() ->
                new IllegalStateException("plan " + assignment.planId() + " has no version on " + credit.bookedOn()));
    }
}
