package io.compclose.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseRun;

/**
 * Writes the close summary, PDF and CSV: the final one once payroll has its file, and a draft when the
 * review gate stops the close, so finance sees what would go out before approving. A draft lives in
 * {@code reports/draft/} and says so on its first line and on every page.
 */
@Component
public record CloseSummaryWriter(CloseSummaryRepository summary, CloseSummaryFiles files) {

    static final String DRAFT = "DRAFT — not approved";

    public void write(CloseRun run, boolean draft) {
        List<CloseSummaryRepository.Row> rows = new ArrayList<>();
        if (draft) {
            rows.add(CloseSummaryRepository.Row.of(SummarySection.AT_A_GLANCE, "draft", null, "", DRAFT
                    + ": the close stopped for review; nothing was exported to payroll or sent"));
        }
        rows.addAll(summary.rows(run.period(), run.revision()));
        String title = "Close of " + run.period() + (run.isRevision() ? ", revision " + run.revision() : "");
        Path base = draft ? draft(run) : run.closeSummary();
        AtomicFiles.write(file(base, ".csv"), CloseSummaryFiles.csv(rows));
        AtomicFiles.write(file(base, ".pdf"), files.pdf(title, draft, rows));
        if (!draft) {
            removeDraft(run);
        }
    }

    /** The final summary replaces the draft finance reviewed: no stale draft lies beside it. */
    private static void removeDraft(CloseRun run) {
        Path folder = draft(run).getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try {
            for (String extension : List.of(".csv", ".pdf")) {
                Files.deleteIfExists(file(draft(run), extension));
            }
            try (var left = Files.list(folder)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code reports/draft/close-summary-2026-10}, without the extension. */
    static Path draft(CloseRun run) {
        Path base = run.closeSummary();
        return base.resolveSibling("draft").resolve(base.getFileName());
    }

    private static Path file(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
