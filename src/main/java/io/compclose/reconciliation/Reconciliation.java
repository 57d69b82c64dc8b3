package io.compclose.reconciliation;

import io.compclose.core.reconciliation.ControlSnapshot;
import io.compclose.core.reconciliation.ControlTotal;
import io.compclose.core.reconciliation.ReconciliationException;
import io.compclose.core.reconciliation.ReconciliationRules;
import io.compclose.core.reconciliation.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.stereotype.Component;

import io.compclose.intake.CsvFileSpec;
import io.compclose.intake.InputFile;
import io.compclose.intake.IntakeRepository;
import io.compclose.intake.Reject;
import io.compclose.core.reconciliation.ControlSnapshot.FileRows;
import io.compclose.system.CloseRun;
import io.compclose.system.ExtractProperties;

/**
 * Ties the close together before anything leaves it, per currency and to the cent: source rows =
 * accepted + rejected + re-delivered for every file, counted again from the files independently of
 * intake, and for the files that carry money (bookings' ACV, adjustments' amounts) the same of their
 * amounts; booked ACV = primary credited ACV + ACV no rule credited (the exceptions), per booking
 * currency (before conversion into pay currencies, which are recorded beside it), with every credited
 * booking's primary shares summing to 100 %; every credit has an earning line and every active rep a
 * calculation; earning lines = the ledgers' earned-to-date; pay lines (after caps, holdback, clawbacks,
 * draws and the true-up) = the ledgers' payout = payouts; adjustments = their pay lines. Usage delivered
 * and the period's usage of accounts no one owns are recorded for review. Each break names what does
 * not tie and the figures. The hand-offs after this one tie back to what it recorded: the payroll file
 * to these payouts ({@code exportPayroll}), the statements to the payroll file ({@code renderStatements},
 * {@code deliverStatements}).
 * <p>
 * This class only reads the figures into a {@link ControlSnapshot} and records them; the ties are the
 * {@link ReconciliationRules}.
 */
@Component
public record Reconciliation(ReconciliationRepository figures, ControlTotalRepository controlTotals,
        ExtractProperties extract, IntakeRepository intake) {

    /** Stores the control totals and returns them; throws with every break found. */
    public List<ControlTotal> reconcile(CloseRun run) {
        ControlSnapshot snapshot = snapshot(run);
        List<ControlTotal> totals = snapshot.recorded();
        List<String> breaks = ReconciliationRules.breaks(snapshot);
        controlTotals.save(run.periodKey(), totals);
        if (!breaks.isEmpty()) {
            throw new ReconciliationException(run.periodKey(), breaks);
        }
        return totals;
    }

    private ControlSnapshot snapshot(CloseRun run) {
        String period = run.periodKey();
        // counting the usage file again is the JVM's work and the queries the database's: on two cores the
        // count runs beside them instead of before them
        CompletableFuture<Long> usageRead = CompletableFuture.supplyAsync(() -> inbox().rows(run, CsvFileSpec.USAGE));
        Map<String, SortedMap<String, ControlTotal>> stages = figures.stages(run.period());
        // usage's rows per currency are also the rows accepted, so the 5M rows are read once, not twice
        long usageAccepted = stages.get("usage_revenue").values().stream().mapToLong(ControlTotal::rows).sum();
        List<FileRows> files = List.of(counted(run, InputFile.REPS), withAmounts(run, InputFile.BOOKINGS, "acv"),
                counted(run, InputFile.SPLITS), counted(run, InputFile.CANCELLATIONS), counted(run, InputFile.FX_RATES),
                counted(run, InputFile.ACCOUNT_OWNERS),
                rows(period, CsvFileSpec.USAGE.fileName(), joined(usageRead), usageAccepted, null),
                withAmounts(run, InputFile.ADJUSTMENTS, "amount"), counted(run, InputFile.KPIS),
                counted(run, InputFile.ACTIVITIES), counted(run, InputFile.POOL_POINTS));
        return new ControlSnapshot(period, files, stages, figures.adjustmentLines(period),
                figures.unbalancedShares(period), figures.uncalculated(period), figures.unsettled(run.period()));
    }

    private InboxRecount inbox() {
        return new InboxRecount(extract);
    }

    private FileRows counted(CloseRun run, InputFile file) {
        return rows(run.periodKey(), file.fileName(), inbox().rows(run, file.spec()),
                intake.countRows(file, run.periodKey()), null);
    }

    private FileRows withAmounts(CloseRun run, InputFile file, String amountColumn) {
        SourceFile read = inbox().amounts(run, file.spec(), amountColumn,
                figures.notAccepted(run.periodKey(), file.fileName()));
        return rows(run.periodKey(), file.fileName(), read.rows(), intake.countRows(file, run.periodKey()), read);
    }

    private FileRows rows(String period, String file, long read, long accepted, SourceFile amounts) {
        Map<String, Long> rejects = intake.rejectCounts(period, file);
        return new FileRows(file, read, accepted, rejects.getOrDefault(Reject.Kind.REJECTED.name(), 0L),
                rejects.getOrDefault(Reject.Kind.DUPLICATE.name(), 0L), amounts);
    }

    /** A count made on another thread, its failure thrown as if made on this one. */
    private static long joined(CompletableFuture<Long> count) {
        try {
            return count.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
