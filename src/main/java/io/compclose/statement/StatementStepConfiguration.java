package io.compclose.statement;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.configuration.annotation.StepScope;
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

/** Statements: one PDF per active rep, written whole, recorded with its checksum. */
@Configuration
@EnableConfigurationProperties(StatementProperties.class)
public class StatementStepConfiguration {

    @Bean
    StatementRenderer statementRenderer(StatementProperties properties) {
        return new StatementRenderer(properties.employer());
    }

    /** Filling and exporting a PDF is CPU work: the ranges of reps are rendered side by side. */
    @Bean
    Step renderStatements(PartitionedSteps partitioned, Step renderStatementsRange) {
        return partitioned.byRepRange("renderStatements", renderStatementsRange);
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
        return repId -> {
            StatementDocument document = assembler.assemble(repId);
            List<StatementFigure> figures = StatementFigure.of(document);
            if (run.isRevision()) {
                Optional<StatementRepository.Issued> issued = statements.latest(run.periodKey(), repId);
                if (issued.isPresent() && sorted(issued.get().figures()).equals(sorted(figures))) {
                    return null; // the revision changes nothing on this rep's statement: no new version
                }
                if (issued.isPresent()) {
                    document = document.revising(new StatementRevision(issued.get().version(),
                            issued.get().renderedAt(), StatementFigure.changes(issued.get().figures(), figures)));
                }
            }
            return new RenderedStatement(repId, run.revision(), renderer.render(document, passwords.forRep(repId)),
                    document.totalCommission(), document.payCurrency(), figures);
        };
    }

    /** Figures in the order the database returns them, to compare a new statement with one issued. */
    private static List<StatementFigure> sorted(List<StatementFigure> figures) {
        return figures.stream().sorted(java.util.Comparator.comparing(StatementFigure::key)).toList();
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
