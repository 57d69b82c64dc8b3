package io.compclose.statement;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.compclose.system.CloseRun;

/**
 * Renders a rep's statement as the close issues it: a revision re-issues only the statements it changes, each
 * saying what changed. A draft is rendered the same way, from the payouts before export, and marked as one.
 */
record StatementRendering(CloseRun run, StatementAssembler assembler, StatementRepository statements,
        StatementRenderer renderer, StatementPasswords passwords, boolean draft)
        implements ItemProcessor<String, RenderedStatement> {

    /** The rep's statement, or null when the revision changes nothing on it: no new version. */
    @Override
    public RenderedStatement process(String repId) {
        StatementDocument document = assembler.assemble(repId);
        List<StatementFigure> figures = StatementFigure.of(document);
        if (run.isRevision()) {
            Optional<StatementRepository.Issued> issued = statements.latest(run.periodKey(), repId);
            if (issued.isPresent() && sorted(issued.get().figures()).equals(sorted(figures))) {
                return null;
            }
            if (issued.isPresent()) {
                document = document.revising(new StatementRevision(issued.get().version(),
                        issued.get().renderedAt(), StatementFigure.changes(issued.get().figures(), figures)));
            }
        }
        return new RenderedStatement(repId, run.revision(), renderer.render(document, passwords.forRep(repId), draft),
                document.totalCommission(), document.payCurrency(), figures);
    }

    /** Figures in the order the database returns them, to compare a new statement with one issued. */
    private static List<StatementFigure> sorted(List<StatementFigure> figures) {
        return figures.stream().sorted(Comparator.comparing(StatementFigure::key)).toList();
    }
}
