package io.compclose.statement;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.intake.IntakeRepository;
import io.compclose.intake.PlanFiles;
import io.compclose.partition.PartitionedSteps;
import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseRun;
import io.compclose.system.PayCalendar;

/** Statements: one PDF per active rep, written whole, recorded with its checksum. */
@Configuration
@EnableConfigurationProperties(StatementProperties.class)
public class StatementStepConfiguration {

    @Bean
    StatementRenderer statementRenderer(StatementProperties properties, PayCalendar calendar) {
        return new StatementRenderer(properties.employer(), calendar::fiscalYear);
    }

    /** Filling and exporting a PDF is CPU work: the ranges of reps are rendered side by side. */
    @Bean
    Step renderStatements(PartitionedSteps partitioned, Step renderStatementsRange) {
        Step step = partitioned.byRepRange("renderStatements", renderStatementsRange);
        // the statements issued replace the drafts finance reviewed at the gate: no stale draft lies beside them
        ((AbstractStep) step).registerStepExecutionListener(new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution execution) {
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    DraftStatements.remove(CloseRun.of(execution));
                }
                return null;
            }
        });
        return step;
    }

    @Bean
    Step renderStatementsRange(PartitionedSteps partitioned,
            ItemProcessor<String, RenderedStatement> statementRendering, ItemWriter<RenderedStatement> statementWriter) {
        return partitioned.range("renderStatements", statementRendering, statementWriter);
    }

    @Bean
    @StepScope
    ItemProcessor<String, RenderedStatement> statementRendering(CloseRun run,
            @Value("#{stepExecutionContext['lastRep']}") String lastRep, IntakeRepository intake, PlanFiles planFiles,
            StatementRepository statements, StatementRenderer renderer, StatementProperties properties) {
        StatementPasswords passwords = StatementPasswords.from(properties.encryption());
        StatementAssembler assembler = new StatementAssembler(run.period(), run.revision(),
                intake.roster(run.periodKey()), planFiles.catalog(run.plans()), statements, lastRep);
        return new StatementRendering(run, assembler, statements, renderer, passwords, false);
    }

    @Bean
    @StepScope
    ItemWriter<RenderedStatement> statementWriter(CloseRun run, StatementRepository statements, Clock clock) {
        return chunk -> {
            // flushing each file to disk dominates the write: the chunk's files are written side by side
            List<StatementRepository.Written> written = chunk.getItems().parallelStream().map(statement -> {
                var file = run.statementFile(statement.repId(), statement.version());
                AtomicFiles.write(file, statement.pdf());
                return new StatementRepository.Written(statement, file.toString(), AtomicFiles.sha256(statement.pdf()));
            }).toList();
            statements.saveAll(run.periodKey(), written, LocalDateTime.now(clock));
        };
    }
}
