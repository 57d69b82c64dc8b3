package io.compclose.delivery;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import io.compclose.intake.IntakeRepository;
import io.compclose.intake.RepAssignment;
import io.compclose.intake.Roster;
import io.compclose.system.CloseProperties;
import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/** Delivery: each rendered statement goes to the rep's roster address, at most once. */
@Configuration
public class DeliveryStepConfiguration {

    private static final String PARAMS = "#{jobParameters}";

    @Bean
    Step deliverStatements(StepFactory steps, JdbcCursorItemReader<StatementToSend> statementsToSend,
            ItemProcessor<StatementToSend, Delivery> addressing, ItemWriter<Delivery> statementPostman,
            JdbcTemplate jdbc) {
        return steps.<StatementToSend, Delivery>chunk("deliverStatements", e -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM statement WHERE pay_period = ?", Long.class, CloseRun.of(e).periodKey()))
                .reader(statementsToSend)
                .processor(addressing)
                .writer(statementPostman)
                .build();
    }

    /** A statement row as the delivery step reads it. */
    public record StatementToSend(String repId, int version, String filePath) {
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<StatementToSend> statementsToSend(@Value(PARAMS) Map<String, Object> params,
            DataSource dataSource) {
        return new JdbcCursorItemReaderBuilder<StatementToSend>()
                .name("statementsToSend")
                .dataSource(dataSource)
                .sql("SELECT rep_id, version, file_path FROM statement WHERE pay_period = ? ORDER BY rep_id, version")
                .queryArguments(CloseRun.from(params).periodKey())
                .rowMapper((rs, i) -> new StatementToSend(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .build();
    }

    /** The address is the rep's roster address for the period, never one from anywhere else. */
    @Bean
    @StepScope
    ItemProcessor<StatementToSend, Delivery> addressing(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository intake) {
        CloseRun run = CloseRun.from(params);
        Roster roster = intake.roster(run.periodKey());
        return statement -> {
            RepAssignment rep = roster.forPeriod(statement.repId(), run.period()).orElseThrow(() ->
                    new IllegalStateException("rep " + statement.repId() + " has no assignment in " + run.period()));
            return new Delivery(run.period(), statement.repId(), statement.version(), rep.email(), rep.name(),
                    Path.of(statement.filePath()));
        };
    }

    @Bean
    @StepScope
    ItemWriter<Delivery> statementPostman(@Value(PARAMS) Map<String, Object> params, DeliveryLog log,
            ObjectProvider<JavaMailSender> smtp, CloseProperties properties) {
        CloseRun run = CloseRun.from(params);
        JavaMailSender sender = smtp.getIfAvailable();
        MailChannel channel = sender != null ? new SmtpChannel(sender, properties.mailFrom())
                : new OutboxChannel(run.outboxDir(), properties.mailFrom());
        return chunk -> {
            for (Delivery delivery : chunk) {
                MimeMessage message = channel.newMessage(delivery);
                if (!log.claim(delivery, channel.name())) {
                    continue;
                }
                try {
                    channel.send(message, delivery);
                } catch (Exception e) {
                    log.failed(delivery, e.getMessage());
                    throw new DeliveryFailedException(delivery, e);
                }
                log.sent(delivery);
            }
        };
    }
}
