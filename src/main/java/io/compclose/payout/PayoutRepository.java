package io.compclose.payout;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.intake.RepAssignment;
import io.compclose.intake.Roster;

/** Payouts are derived wholesale from the pay lines, so summarising again replaces them. */
@Repository
public class PayoutRepository {

    private final JdbcTemplate jdbc;

    public PayoutRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the period's payouts with the sums of its pay lines; returns how many rows. */
    public int summarise(YearMonth period, Roster roster) {
        String key = period.toString();
        record Sum(String repId, String code, String currency, BigDecimal amount, int lines) {
        }
        List<Sum> sums = jdbc.query("""
                SELECT rep_id, earning_code, currency, SUM(amount), COUNT(*) FROM pay_line WHERE pay_period = ?
                GROUP BY rep_id, earning_code, currency ORDER BY rep_id, earning_code, currency
                """, (rs, i) -> new Sum(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getInt(5)), key);
        jdbc.update("DELETE FROM payout WHERE pay_period = ?", key);
        jdbc.batchUpdate("""
                INSERT INTO payout (pay_period, rep_id, earning_code, currency, employee_id, amount, line_count)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, sums, sums.size(), (ps, s) -> {
            RepAssignment assignment = roster.forPeriod(s.repId(), period).orElseThrow(() ->
                    new IllegalStateException("rep " + s.repId() + " has pay lines but no assignment in " + key));
            ps.setString(1, key);
            ps.setString(2, s.repId());
            ps.setString(3, s.code());
            ps.setString(4, s.currency());
            ps.setString(5, assignment.employeeId());
            ps.setBigDecimal(6, s.amount());
            ps.setInt(7, s.lines());
        });
        return sums.size();
    }

    /** The payroll rows: non-zero payouts in a stable order, so the file is byte-identical on re-runs. */
    public List<PayoutRow> payrollRows(String period) {
        return jdbc.query("""
                SELECT employee_id, rep_id, pay_period, earning_code, amount, currency FROM payout
                WHERE pay_period = ? AND amount <> 0 ORDER BY employee_id, rep_id, earning_code, currency
                """, (rs, i) -> new PayoutRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), rs.getString(6)), period);
    }
}
