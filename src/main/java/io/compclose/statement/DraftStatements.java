package io.compclose.statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

import org.springframework.stereotype.Component;

import io.compclose.core.input.Roster;
import io.compclose.intake.IntakeRepository;
import io.compclose.intake.PlanFiles;
import io.compclose.partition.RepBlocks;
import io.compclose.reconciliation.ReviewDraft;
import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseRun;

/**
 * The statements as they would go out, written when the review gate stops the close so finance can read them
 * before approving: every active rep's, from the payouts (nothing is exported yet), marked "DRAFT — not approved"
 * on every page, in {@code statements/draft/<period>/}. A draft is never recorded, delivered or paid; the
 * statements issued after approval remove it. The folder appears whole: a close killed while drafting leaves the
 * previous drafts, or none, never some of them.
 */
@Component
public record DraftStatements(IntakeRepository intake, PlanFiles planFiles, StatementRepository statements,
        StatementRenderer renderer, StatementProperties properties) implements ReviewDraft {

    @Override
    public void write(CloseRun run) {
        Roster roster = intake.roster(run.periodKey());
        StatementRendering rendering = new StatementRendering(run, new StatementAssembler(run.period(),
                run.revision(), roster, planFiles.catalog(run.plans()), statements, null, PayoutSource.PAYOUTS),
                statements, renderer, StatementPasswords.from(properties.encryption()), true);
        Path folder = folder(run);
        Path writing = folder.resolveSibling("." + folder.getFileName() + ".writing");
        delete(writing);
        for (String rep : RepBlocks.activeReps(roster, run.period())) {
            RenderedStatement draft = rendering.process(rep);
            if (draft != null) {
                AtomicFiles.write(writing.resolve(rep + ".pdf"), draft.pdf());
            }
        }
        try {
            AtomicFiles.createDirectories(writing);
            delete(folder);
            try {
                Files.move(writing, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(writing, folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the period's drafts, and the drafts folder when no other period's are left in it. */
    public static void remove(CloseRun run) {
        Path folder = folder(run);
        delete(folder);
        try (var left = Files.list(folder.getParent())) {
            if (left.findAny().isEmpty()) {
                Files.delete(folder.getParent());
            }
        } catch (java.nio.file.NoSuchFileException nothingDrafted) {
            // no close of any period stopped at the gate
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code statements/draft/2026-10}. */
    public static Path folder(CloseRun run) {
        return run.statementsDir().resolveSibling("draft").resolve(run.periodKey());
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
