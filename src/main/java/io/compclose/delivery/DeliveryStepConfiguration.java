package io.compclose.delivery;

import java.nio.file.Files;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import io.compclose.delivery.DeliveryRepository.Statement;
import io.compclose.intake.IntakeRepository;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Roster;
import io.compclose.statement.StatementsTie;
import io.compclose.system.CloseProperties;
import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/** Delivery: each rendered statement goes to the rep's roster address, at most once. */
@Configuration
@EnableConfigurationProperties(DeliveryProperties.class)
public class DeliveryStepConfiguration {

    /**
     * Nothing is sent until the statements tie to the payroll file, checked again on every restart.
     * A restart first settles the outbox sends a killed close left half-done, so each is written once.
     */
    @Bean
    Step deliverStatements(StepFactory steps, JdbcCursorItemReader<Statement> statementsToSend,
            ItemProcessor<Statement, Delivery> addressing, ItemWriter<Delivery> statementPostman,
            StatementsTie statementsTie, DeliveryRepository deliveryLog) {
        return steps.<Statement, Delivery>chunk("deliverStatements",
                        e -> deliveryLog.statementCount(CloseRun.of(e).periodKey()))
                .reader(statementsToSend)
                .processor(addressing)
                .writer(statementPostman)
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution execution) {
                        CloseRun run = CloseRun.of(execution);
                        statementsTie.require(run);
                        settleInterruptedOutboxSends(deliveryLog, run);
                    }
                })
                .build();
    }

    /**
     * The close holds its period's lease, so no other close is sending: a SENDING claim of the close's
     * own is one a killed close left, and an outbox file is written whole or not at all.
     */
    static void settleInterruptedOutboxSends(DeliveryRepository log, CloseRun run) {
        for (DeliveryRepository.InterruptedSend send : log.interruptedOutboxSends(run.period())) {
            boolean written = Files.exists(run.outboxDir().resolve(
                    OutboxChannel.fileName(send.repId(), send.version(), send.sendNo())));
            log.settle(run.period(), send, written);
        }
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<Statement> statementsToSend(CloseRun run, DeliveryRepository deliveries) {
        return deliveries.statementsToSend(run.period());
    }

    /** The address is the rep's roster address for the period, never one from anywhere else. */
    @Bean
    @StepScope
    ItemProcessor<Statement, Delivery> addressing(CloseRun run, IntakeRepository intake) {
        Roster roster = intake.roster(run.periodKey());
        return statement -> {
            RepAssignment rep = roster.forPeriod(statement.repId(), run.period()).orElseThrow(() ->
                    new IllegalStateException("rep " + statement.repId() + " has no assignment in " + run.period()));
            return new Delivery(run.period(), statement.repId(), statement.version(), 1, rep.email(), rep.name(),
                    statement.pdf());
        };
    }

    /**
     * Sends each statement once. A statement the server refuses for good, or still refuses after
     * the retries, is recorded as FAILED and listed at the end of the close; the others go on. When
     * several in a row fail after their retries the server is taken to be down, and the step fails:
     * the same command then retries every FAILED statement.
     */
    @Bean
    @StepScope
    ItemWriter<Delivery> statementPostman(CloseRun run, DeliveryRepository log,
            ObjectProvider<JavaMailSender> smtp, CloseProperties properties, DeliveryProperties delivery) {
        Postman postman = new Postman(MailChannel.of(smtp, properties, run.outboxDir()), log, delivery);
        int[] failedInARow = {0};
        return chunk -> postman.deliverAll(chunk.getItems(), (statement, outcome) -> {
            if (outcome.result() == Postman.Result.FAILED_TRANSIENT) {
                if (++failedInARow[0] >= delivery.giveUpAfter()) {
                    throw new DeliveryFailedException(failedInARow[0] + " statements in a row were not "
                            + "delivered after " + delivery.attempts() + " attempts each (the last, to "
                            + statement.recipient() + ": " + outcome.failure().reason() + "); the mail server "
                            + "seems unavailable");
                }
            } else if (outcome.result() == Postman.Result.SENT) {
                failedInARow[0] = 0;
            }
        });
    }
}
