package io.compclose.statement;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.compclose.core.reconciliation.ControlTotal;

/** What the period's statements and payroll files total, per currency, for the tie between them. */
@Repository
public class StatementTotalsRepository {

    private final JdbcClient jdbc;

    public StatementTotalsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest statements of the period's active reps, by currency. */
    Map<String, ControlTotal> statements(String period) {
        Map<String, ControlTotal> totals = new TreeMap<>();
        jdbc.sql("""
                SELECT s.currency, COUNT(*), SUM(s.payout_amount) FROM active_rep a
                JOIN statement s ON s.pay_period = a.pay_period AND s.rep_id = a.rep_id
                WHERE a.pay_period = :period AND s.version = (SELECT MAX(v.version) FROM statement v
                    WHERE v.pay_period = s.pay_period AND v.rep_id = s.rep_id)
                GROUP BY s.currency
                """).param("period", period).query(rs -> {
            totals.put(rs.getString(1), new ControlTotal("statements", rs.getString(1), rs.getLong(2),
                    rs.getBigDecimal(3)));
        });
        return totals;
    }

    /** What the period's payroll files up to this revision pay, by currency. */
    Map<String, BigDecimal> payroll(String period, int revision) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.sql("""
                SELECT currency, SUM(amount) FROM payout_export WHERE pay_period = :period AND revision <= :revision
                GROUP BY currency
                """).param("period", period).param("revision", revision).query(rs -> {
            totals.put(rs.getString(1), rs.getBigDecimal(2));
        });
        return totals;
    }
}
