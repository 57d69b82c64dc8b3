package io.compclose.statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
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
public class StatementsTie {

    private final JdbcTemplate jdbc;
    private final ControlTotalRepository controlTotals;

    public StatementsTie(JdbcTemplate jdbc, ControlTotalRepository controlTotals) {
        this.jdbc = jdbc;
        this.controlTotals = controlTotals;
    }

    /** Records the statements' totals as a control total; throws when they do not tie. */
    public void require(CloseRun run) {
        String period = run.periodKey();
        Map<String, ControlTotal> statements = new TreeMap<>();
        jdbc.query("""
                SELECT s.currency, COUNT(*), SUM(s.payout_amount) FROM active_rep a
                JOIN statement s ON s.pay_period = a.pay_period AND s.rep_id = a.rep_id
                WHERE a.pay_period = ? AND s.version = (SELECT MAX(v.version) FROM statement v
                    WHERE v.pay_period = s.pay_period AND v.rep_id = s.rep_id)
                GROUP BY s.currency
                """, rs -> {
            statements.put(rs.getString(1), new ControlTotal("statements", rs.getString(1), rs.getLong(2),
                    rs.getBigDecimal(3)));
        }, period);
        Map<String, BigDecimal> payroll = new TreeMap<>();
        jdbc.query("""
                SELECT currency, SUM(amount) FROM payout_export WHERE pay_period = ? AND revision <= ? GROUP BY currency
                """, rs -> {
            payroll.put(rs.getString(1), rs.getBigDecimal(2));
        }, period, run.revision());
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
