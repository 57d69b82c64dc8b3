package io.compclose.crediting;

import java.util.List;
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

import io.compclose.intake.Booking;
import io.compclose.intake.IntakeRepository;
import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/** Crediting: each accepted booking becomes one or more credit rows. */
@Configuration
public class CreditingStepConfiguration {

    @Bean
    Step creditBookings(StepFactory steps, JdbcCursorItemReader<Booking> creditableBookings,
            ItemProcessor<Booking, List<Credit>> creditRule, ItemWriter<List<Credit>> creditWriter,
            JdbcTemplate jdbc) {
        return steps.<Booking, List<Credit>>chunk("creditBookings", e -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM booking WHERE pay_period = ?", Long.class, CloseRun.of(e).periodKey()))
                .reader(creditableBookings)
                .processor(creditRule)
                .writer(creditWriter)
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<Booking, List<Credit>> creditRule(@Value("#{jobParameters}") Map<String, Object> params,
            IntakeRepository intake) {
        CloseRun run = CloseRun.from(params);
        return new OwnerCreditRule(intake.roster(run.periodKey()), intake.fxRates(run.periodKey(), run.periodKey()))
                ::credit;
    }

    @Bean
    @StepScope
    ItemWriter<List<Credit>> creditWriter(@Value("#{jobParameters}") Map<String, Object> params,
            CreditRepository credits) {
        String period = CloseRun.from(params).periodKey();
        return chunk -> credits.save(period, chunk.getItems().stream().flatMap(List::stream).toList());
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<Booking> creditableBookings(@Value("#{jobParameters}") Map<String, Object> params,
            DataSource dataSource) {
        return new JdbcCursorItemReaderBuilder<Booking>()
                .name("creditableBookings")
                .dataSource(dataSource)
                .sql("SELECT " + IntakeRepository.BOOKING_COLUMNS
                        + " FROM booking WHERE pay_period = ? ORDER BY booking_id")
                .queryArguments(CloseRun.from(params).periodKey())
                .rowMapper(IntakeRepository.BOOKING_ROW)
                .build();
    }
}
