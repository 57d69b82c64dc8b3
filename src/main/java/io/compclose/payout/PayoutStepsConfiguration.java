package io.compclose.payout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.core.reconciliation.ControlBreakException;
import io.compclose.core.reconciliation.ControlTotal;
import io.compclose.core.reconciliation.Tie;
import io.compclose.intake.IntakeRepository;
import io.compclose.reconciliation.ControlTotalRepository;
import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;

/** Payouts: sum the earning lines per rep and code, then export the payroll file and its configured layouts. */
@Configuration
@EnableConfigurationProperties(PayrollProperties.class)
public class PayoutStepsConfiguration {

    @Bean
    Step summarisePayouts(StepFactory steps, PayoutRepository payouts, IntakeRepository intake) {
        return steps.tasklet("summarisePayouts", (contribution, chunkContext) -> {
            CloseRun run = CloseRun.of(chunkContext.getStepContext().getStepExecution());
            int rows = payouts.summarise(run.period(), intake.roster(run.periodKey()));
            contribution.incrementWriteCount(rows);
            return RepeatStatus.FINISHED;
        });
    }

    /**
     * Writes the CSV, checks the totals read back from it against the rows and against the payouts
     * reconciliation tied, then writes the control file; then the same rows in each configured layout.
     * Every file is renamed into place whole; a re-run writes the same bytes. A revision writes
     * correction files of the differences against the files already sent, or none when nothing changed.
     */
    @Bean
    Step exportPayroll(StepFactory steps, PayoutRepository payouts, ControlTotalRepository controlTotals,
            PayrollLayouts layouts) {
        return steps.tasklet("exportPayroll", (contribution, chunkContext) -> {
            CloseRun run = CloseRun.of(chunkContext.getStepContext().getStepExecution());
            List<PayrollLayout> configured = layouts.layouts();
            List<PayoutRow> payable = payouts.payrollRows(run.periodKey());
            List<PayoutRow> rows = run.isRevision() ? payouts.corrections(run.periodKey(), run.revision(), payable)
                    : payable;
            payouts.saveExport(run.periodKey(), run.revision(), rows);
            PayrollFile file = PayrollFile.of(PayrollLayout.GENERIC, run.payrollName(), run.period(), rows,
                    run.revision());
            Map<String, BigDecimal> asWritten = totalsAsWritten(file);
            requireReconciledPayouts(run, asWritten, payouts, controlTotals);
            if (run.isRevision() && rows.isEmpty()) {
                return RepeatStatus.FINISHED; // the revision changes no one's pay: no correction file
            }
            writeFiles(run, file);
            controlTotals.save(run.periodKey(), asWritten.entrySet().stream()
                    .map(e -> new ControlTotal(run.isRevision() ? "payroll_correction_file" : "payroll_file",
                            e.getKey(), rows.stream().filter(r -> r.currency().equals(e.getKey())).count(),
                            e.getValue()))
                    .toList());
            for (PayrollLayout layout : configured) {
                if (!run.isRevision() || rows.stream().anyMatch(layout::takes)) {
                    write(run, layout, rows);
                }
            }
            contribution.incrementWriteCount(file.rowCount());
            return RepeatStatus.FINISHED;
        });
    }

    private static void write(CloseRun run, PayrollLayout layout, List<PayoutRow> rows) {
        PayrollFile file = PayrollFile.of(layout, run.payrollName(), run.period(), rows, run.revision());
        totalsAsWritten(file);
        writeFiles(run, file);
    }

    /** The file, not the rows it came from, is checked: its totals read back from its bytes. */
    private static Map<String, BigDecimal> totalsAsWritten(PayrollFile file) {
        Map<String, BigDecimal> asWritten = file.totalsAsWritten();
        if (!asWritten.equals(file.totals())) {
            throw new IllegalStateException(file.csvName() + ": totals " + asWritten + " differ from the rows "
                    + file.totals());
        }
        return asWritten;
    }

    private static void writeFiles(CloseRun run, PayrollFile file) {
        AtomicFiles.write(run.payrollDir().resolve(file.csvName()), file.csv());
        AtomicFiles.write(run.payrollDir().resolve(file.controlName()), file.control());
    }

    /**
     * Payroll gets what reconciliation tied and finance reviewed: the file (with the period's earlier
     * files, for a revision) pays, per currency, the payouts as reconciled, whatever changed since.
     */
    private static void requireReconciledPayouts(CloseRun run, Map<String, BigDecimal> asWritten,
            PayoutRepository payouts, ControlTotalRepository controlTotals) {
        Map<String, BigDecimal> paid = new TreeMap<>(asWritten);
        payouts.exportedBefore(run.periodKey(), run.revision()).forEach((c, a) -> paid.merge(c, a, BigDecimal::add));
        List<Tie> broken = Tie.broken(run.isRevision() ? "correction file + payroll files sent before" : "payroll file",
                paid, "payouts reconciled", controlTotals.amounts(run.periodKey(), "payout"));
        if (!broken.isEmpty()) {
            throw new ControlBreakException("the payroll file of " + run.periodKey()
                    + " does not tie to the payouts reconciled", broken);
        }
    }
}
