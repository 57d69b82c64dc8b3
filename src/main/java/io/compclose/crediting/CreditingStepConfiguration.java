package io.compclose.crediting;

import io.compclose.plan.CreditingRulesFile;
import io.compclose.core.crediting.Crediting;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.core.input.AccountOwner;
import io.compclose.core.input.Booking;
import io.compclose.intake.InputFile;
import io.compclose.intake.IntakeRepository;
import io.compclose.core.input.Split;
import io.compclose.rules.Conditions;
import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/**
 * Crediting: each accepted booking becomes credit rows by the rules of crediting.yaml (or the
 * defaults), or an exception finance reviews when no rule credits it.
 */
@Configuration
public class CreditingStepConfiguration {

    @Bean
    Step creditBookings(StepFactory steps, JdbcCursorItemReader<Booking> creditableBookings,
            ItemProcessor<Booking, Crediting.Outcome> creditRules, ItemWriter<Crediting.Outcome> creditWriter,
            IntakeRepository intake) {
        return steps.<Booking, Crediting.Outcome>intakeChunk("creditBookings",
                        e -> intake.countRows(InputFile.BOOKINGS, CloseRun.of(e).periodKey()))
                .reader(creditableBookings)
                .processor(creditRules)
                .writer(creditWriter)
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<Booking, Crediting.Outcome> creditRules(CloseRun run, IntakeRepository intake) {
        String period = run.periodKey();
        Map<String, List<AccountOwner>> owners = intake.accountOwners(period).values().stream()
                .collect(Collectors.groupingBy(AccountOwner::accountId));
        Map<String, List<Split>> splits = intake.splits(period).values().stream()
                .sorted(Comparator.comparingLong(Split::line)).collect(Collectors.groupingBy(Split::bookingId));
        Crediting crediting = new Crediting(new CreditingRulesFile(Conditions::problem).read(run.inbox()),
                intake.roster(period), owners, splits, intake.fxRates(period, period), Conditions::holds);
        return crediting::credit;
    }

    @Bean
    @StepScope
    ItemWriter<Crediting.Outcome> creditWriter(CloseRun run, CreditRepository credits) {
        String period = run.periodKey();
        return chunk -> {
            credits.save(period, chunk.getItems().stream().flatMap(o -> o.credits().stream()).toList());
            credits.saveExceptions(period, chunk.getItems().stream().map(Crediting.Outcome::exception)
                    .filter(java.util.Objects::nonNull).toList());
        };
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<Booking> creditableBookings(CloseRun run, DataSource dataSource) {
        return IntakeRepository.bookingsToCredit("creditableBookings", dataSource, run.periodKey());
    }
}
