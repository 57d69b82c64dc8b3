package io.compclose.payout;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.core.input.Roster;
import io.compclose.core.plan.PayPeriod;

/** Payouts are derived wholesale from the pay lines, so summarising again replaces them. */
@Repository
public class PayoutRepository {

    private final JdbcTemplate jdbc;

    public PayoutRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the period's payouts with the sums of its pay lines; returns how many rows. */
    public int summarise(PayPeriod period, Roster roster) {
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
                """, sums.stream().map(s -> new Object[] {key, s.repId(), s.code(), s.currency(),
                roster.forPeriod(s.repId(), period).orElseThrow(() -> new IllegalStateException(
                        "rep " + s.repId() + " has pay lines but no assignment in " + key)).employeeId(),
                s.amount(), s.lines()}).toList());
        return sums.size();
    }

    /** Records what the payroll file of a revision carried (replacing any earlier record of it). */
    public void saveExport(String period, int revision, List<PayoutRow> rows) {
        jdbc.update("DELETE FROM payout_export WHERE pay_period = ? AND revision = ?", period, revision);
        jdbc.batchUpdate("""
                INSERT INTO payout_export (pay_period, revision, rep_id, earning_code, currency, employee_id, amount)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[] {period, revision, r.repId(), r.earningCode(), r.currency(),
                r.employeeId(), r.amount()}).toList());
    }

    /** What the period's payroll files before {@code revision} carried, per currency. */
    public Map<String, BigDecimal> exportedBefore(String period, int revision) {
        Map<String, BigDecimal> totals = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT currency, SUM(amount) FROM payout_export WHERE pay_period = ? AND revision < ? GROUP BY currency
                """, rs -> {
            totals.put(rs.getString(1), rs.getBigDecimal(2));
        }, period, revision);
        return totals;
    }

    /**
     * A revision's correction rows: for each rep, code and currency, the payout now less what the
     * period's earlier payroll files carried. Only differences that are not zero, in a stable order.
     */
    public List<PayoutRow> corrections(String period, int revision, List<PayoutRow> payouts) {
        record Key(String repId, String code, String currency) {
        }
        Map<Key, PayoutRow> sent = new HashMap<>();
        jdbc.query("""
                SELECT rep_id, earning_code, currency, MAX(employee_id), SUM(amount) FROM payout_export
                WHERE pay_period = ? AND revision < ? GROUP BY rep_id, earning_code, currency
                """, rs -> {
            sent.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), new PayoutRow(rs.getString(4),
                    rs.getString(1), period, rs.getString(2), rs.getBigDecimal(5), rs.getString(3)));
        }, period, revision);
        Map<Key, PayoutRow> now = new HashMap<>();
        payouts.forEach(p -> now.put(new Key(p.repId(), p.earningCode(), p.currency()), p));
        java.util.Set<Key> keys = new java.util.HashSet<>(sent.keySet());
        keys.addAll(now.keySet());
        return keys.stream().map(k -> {
            PayoutRow current = now.get(k);
            PayoutRow before = sent.get(k);
            BigDecimal difference = (current == null ? BigDecimal.ZERO : current.amount())
                    .subtract(before == null ? BigDecimal.ZERO : before.amount());
            String employee = current != null ? current.employeeId() : before.employeeId();
            return new PayoutRow(employee, k.repId(), period, k.code(), difference, k.currency());
        }).filter(r -> r.amount().signum() != 0)
                .sorted(java.util.Comparator.comparing(PayoutRow::employeeId).thenComparing(PayoutRow::repId)
                        .thenComparing(PayoutRow::earningCode).thenComparing(PayoutRow::currency))
                .toList();
    }

    /**
     * The payroll rows ({@link PayrollRows}: non-zero payouts, and the rows of a rep netting zero) in a
     * stable order, so the file is byte-identical on re-runs.
     */
    public List<PayoutRow> payrollRows(String period) {
        return PayrollRows.payable(jdbc.query("""
                SELECT employee_id, rep_id, pay_period, earning_code, amount, currency FROM payout
                WHERE pay_period = ? ORDER BY employee_id, rep_id, earning_code, currency
                """, (rs, i) -> new PayoutRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), rs.getString(6)), period));
    }

    /** What a currency was booked and paid in a period: the close summary's money lines. */
    public record CurrencyTotals(String currency, long bookings, BigDecimal acv, long payees, BigDecimal payout) {
    }

    public List<CurrencyTotals> currencyTotals(String period) {
        // every currency booked or paid: a month can pay a currency it booked nothing in (a clawback, a pool)
        return jdbc.query("""
                SELECT c.currency, COALESCE(b.n, 0), COALESCE(b.acv, 0), COALESCE(p.payees, 0), COALESCE(p.amount, 0)
                FROM (SELECT currency FROM booking WHERE pay_period = ?
                      UNION SELECT currency FROM payout WHERE pay_period = ?) c
                LEFT JOIN (SELECT currency, COUNT(*) n, SUM(acv) acv FROM booking WHERE pay_period = ?
                           GROUP BY currency) b ON b.currency = c.currency
                LEFT JOIN (SELECT currency, COUNT(DISTINCT rep_id) payees, SUM(amount) amount FROM payout
                           WHERE pay_period = ? AND amount <> 0 GROUP BY currency) p ON p.currency = c.currency
                ORDER BY c.currency
                """, (rs, i) -> new CurrencyTotals(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4),
                rs.getBigDecimal(5)), period, period, period, period);
    }
}
