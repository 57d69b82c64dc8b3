package io.compclose.payout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.intake.IntakeRepository;
import io.compclose.reconciliation.ControlTotal;
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
     * Writes the CSV, checks the totals read back from it against the rows, then writes the control
     * file; then the same rows in each configured layout. Every file is renamed into place whole; a
     * re-run writes the same bytes. A revision writes correction files of the differences against the
     * files already sent, or none when nothing changed.
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
            if (run.isRevision() && rows.isEmpty()) {
                return RepeatStatus.FINISHED; // the revision changes no one's pay: no correction file
            }
            PayrollFile file = write(run, PayrollLayout.GENERIC, rows);
            controlTotals.save(run.periodKey(), file.totals().entrySet().stream()
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

    private static PayrollFile write(CloseRun run, PayrollLayout layout, List<PayoutRow> rows) {
        PayrollFile file = PayrollFile.of(layout, run.payrollName(), run.periodKey(), rows, run.revision());
        Map<String, BigDecimal> asWritten = file.totalsAsWritten();
        if (!asWritten.equals(file.totals())) {
            throw new IllegalStateException(file.csvName() + ": totals " + asWritten + " differ from the rows "
                    + file.totals());
        }
        AtomicFiles.write(run.payrollDir().resolve(file.csvName()), file.csv());
        AtomicFiles.write(run.payrollDir().resolve(file.controlName()), file.control());
        return file;
    }
}
