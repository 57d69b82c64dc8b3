package io.compclose.statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.compclose.core.reconciliation.ControlBreakException;
import io.compclose.core.reconciliation.ControlTotal;
import io.compclose.reconciliation.ControlTotalRepository;
import io.compclose.core.reconciliation.Tie;
import io.compclose.system.CloseRun;

/**
 * The last hand-off before anything reaches a rep: the statements of the period's active reps (each
 * rep's latest version) total, per currency, what the period's payroll files pay. Each statement was
 * checked against its rep's payroll rows as it was rendered; this also finds one missing or changed since.
 */
@Component
public record StatementsTie(StatementTotalsRepository totals, ControlTotalRepository controlTotals) {

    /** Records the statements' totals as a control total; throws when they do not tie. */
    public void require(CloseRun run) {
        String period = run.periodKey();
        Map<String, ControlTotal> statements = totals.statements(period);
        Map<String, BigDecimal> payroll = totals.payroll(period, run.revision());
        controlTotals.save(period, List.copyOf(statements.values()));
        Map<String, BigDecimal> shown = new TreeMap<>();
        statements.forEach((currency, total) -> shown.put(currency, total.amount()));
        List<Tie> broken = Tie.broken("statements", shown, run.isRevision() ? "payroll files" : "payroll file",
                payroll);
        if (!broken.isEmpty()) {
            throw new ControlBreakException("the statements of " + period + " do not tie to the payroll file", broken);
        }
    }
}
