package io.compclose.reconciliation;

import io.compclose.core.reconciliation.ControlTotal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The control totals as recorded: stored by reconciliation, read back by the hand-offs after it and the summary. */
@Repository
public class ControlTotalRepository {

    private final JdbcTemplate jdbc;

    public ControlTotalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String period, List<ControlTotal> totals) {
        jdbc.batchUpdate("""
                INSERT INTO control_total (pay_period, stage, currency, row_count, amount) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE row_count = VALUES(row_count), amount = VALUES(amount)
                """, totals, totals.size(), (ps, t) -> {
            ps.setString(1, period);
            ps.setString(2, t.stage());
            ps.setString(3, t.currency());
            ps.setLong(4, t.rows());
            ps.setBigDecimal(5, t.amount());
        });
    }

    public List<ControlTotal> totals(String period) {
        return jdbc.query("""
                SELECT stage, currency, row_count, amount FROM control_total WHERE pay_period = ?
                ORDER BY stage, currency
                """, (rs, i) -> new ControlTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)),
                period);
    }

    /** The amount per currency of one stage as it was recorded, e.g. the payouts reconciliation tied. */
    public Map<String, BigDecimal> amounts(String period, String stage) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        jdbc.query("SELECT currency, amount FROM control_total WHERE pay_period = ? AND stage = ?", rs -> {
            amounts.put(rs.getString(1), rs.getBigDecimal(2));
        }, period, stage);
        return amounts;
    }
}
