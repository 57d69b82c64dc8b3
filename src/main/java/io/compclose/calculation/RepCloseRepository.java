package io.compclose.calculation;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.core.calculation.RepClose;
import io.compclose.core.money.Money;
import io.compclose.system.BulkLoad;
import io.compclose.system.ColumnText;

/**
 * Stores a rep's close: the rep's lines of the period are replaced as a whole and the ledger is
 * upserted, in the chunk's transaction, so a re-run or restart leaves exactly one calculation.
 */
@Repository
public class RepCloseRepository {

    private static final String EARNING_COLUMNS = "pay_period, rep_id, line_no, plan_id, plan_version, component_id, "
            + "window_key, line_kind, source_id, source_period, credit, multiplier, band, rate, amount, currency, why";

    private final JdbcTemplate jdbc;
    private final BulkLoad bulkLoad;

    public RepCloseRepository(JdbcTemplate jdbc, BulkLoad bulkLoad) {
        this.jdbc = jdbc;
        this.bulkLoad = bulkLoad;
    }

    public void save(String period, List<? extends RepClose> closes) {
        // one round trip per table for the chunk, not four per rep
        for (String table : List.of("earning_line", "pay_line", "cap_effect", "component_attainment")) {
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE pay_period = ? AND rep_id = ?", closes, closes.size(),
                    (ps, close) -> {
                        ps.setString(1, period);
                        ps.setString(2, close.repId());
                    });
        }
        // earning lines are the bulk of a close's rows (670,000 for 2,000 reps): sent as a file where the
        // database takes one, the server parses them several times faster than a batched INSERT
        bulkLoad.write("earning_line", EARNING_COLUMNS, rows(closes, RepClose::earnings),
                row -> earningValues(period, row), "");
        jdbc.batchUpdate("""
                INSERT INTO pay_line (pay_period, rep_id, line_no, earning_code, amount, currency, reference, why)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows(closes, RepClose::pay).stream().map(row -> new Object[] {period, row.close().repId(),
                row.line().lineNo(), row.line().code().name(), row.line().amount().amount(), row.close().currency(),
                row.line().reference(), ColumnText.fit(row.line().why(), 500)}).toList());
        jdbc.batchUpdate("""
                INSERT INTO cap_effect (pay_period, rep_id, line_no, cap, limit_amount, removed, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, rows(closes, RepClose::caps).stream().map(row -> new Object[] {period, row.close().repId(),
                row.line().lineNo(), ColumnText.fit(row.line().cap(), 100), row.line().limit().amount(),
                row.line().removed().amount(), row.close().currency()}).toList());
        jdbc.batchUpdate("""
                INSERT INTO component_attainment (pay_period, rep_id, line_no, plan_id, plan_version, component_id,
                    metric, window_key, credit, quota, attainment, earned, currency, money)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows(closes, RepClose::attainments).stream().map(row -> {
            RepClose.Attainment a = row.line();
            return new Object[] {period, row.close().repId(), a.lineNo(), a.planId(), a.planVersion(),
                a.componentId(), ColumnText.fit(a.metric(), 64), a.window(), recorded(a.credit(), 6),
                recorded(a.quota(), 6), recorded(a.attainment(), 8), a.earned().amount(), row.close().currency(),
                a.money()};
        }).toList());
        jdbc.batchUpdate("""
                INSERT INTO rep_ledger (pay_period, rep_id, plan_id, plan_version, currency, earned_to_date, due,
                    carried_balance, paid_to_date, period_caps_to_date, held_back, draw_balance, clawback_balance, payout)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE plan_id = VALUES(plan_id), plan_version = VALUES(plan_version),
                    currency = VALUES(currency), earned_to_date = VALUES(earned_to_date), due = VALUES(due),
                    carried_balance = VALUES(carried_balance), paid_to_date = VALUES(paid_to_date),
                    period_caps_to_date = VALUES(period_caps_to_date), held_back = VALUES(held_back),
                    draw_balance = VALUES(draw_balance), clawback_balance = VALUES(clawback_balance),
                    payout = VALUES(payout)
                """, closes.stream().map(close -> {
            RepClose.LedgerRow l = close.ledger();
            return new Object[] {period, close.repId(), close.planId(), close.planVersion(), close.currency(),
                l.earnedToDate().amount(), l.due().amount(), l.carriedBalance().amount(),
                l.next().paidToDate().amount(), l.next().periodCapsToDate().amount(), l.next().heldBack().amount(),
                l.next().drawBalance().amount(), l.next().clawbackBalance().amount(), l.payout().amount()};
        }).toList());
    }

    private record Row<T>(RepClose close, T line) {
    }

    private static <T> List<Row<T>> rows(List<? extends RepClose> closes,
            java.util.function.Function<RepClose, List<T>> lines) {
        return closes.stream().flatMap(c -> lines.apply(c).stream().map(l -> new Row<>(c, l))).toList();
    }

    private static Object[] earningValues(String period, Row<RepClose.Earning> row) {
        RepClose.Earning e = row.line();
        return new Object[] {period, row.close().repId(), e.lineNo(), e.planId(), e.planVersion(), e.componentId(),
                e.window(), e.kind(), e.sourceId(), e.sourcePeriod(), recorded(e.credit(), 6),
                recorded(e.multiplier(), 6), ColumnText.fit(e.band(), 200), recorded(e.rate(), 10),
                e.amount().amount(), row.close().currency(), ColumnText.fit(e.why(), 500)};
    }

    /**
     * A measure (credit, quota, multiplier, rate, attainment) recorded to its column's scale, half-even as
     * jobs/plans.md ("Rounding") says: a record of what priced a line, never read back to price one. A
     * column would round a wider value itself, half up, and LOAD DATA would warn, which {@link BulkLoad}
     * fails a chunk on.
     */
    private static BigDecimal recorded(BigDecimal measure, int scale) {
        return measure == null || measure.scale() <= scale ? measure : measure.setScale(scale, Money.ROUNDING);
    }
}
