package io.compclose.calculation;

import io.compclose.core.calculation.RepClose;
import io.compclose.core.calculation.Rounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

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
        List<Row<RepClose.Earning>> earnings = rows(closes, RepClose::earnings);
        // earning lines are the bulk of a close's rows (670,000 for 2,000 reps): sent as a file where the
        // database takes one, the server parses them several times faster than a batched INSERT
        if (bulkLoad.available()) {
            bulkLoad.replace("earning_line", EARNING_COLUMNS, earnings, row -> earningValues(period, row));
        } else {
            jdbc.batchUpdate("INSERT INTO earning_line (" + EARNING_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", earnings, 500, (ps, row) -> {
                        Object[] values = earningValues(period, row);
                        for (int i = 0; i < values.length; i++) {
                            ps.setObject(i + 1, values[i]);
                        }
                    });
        }
        List<Row<RepClose.Pay>> pay = rows(closes, RepClose::pay);
        jdbc.batchUpdate("""
                INSERT INTO pay_line (pay_period, rep_id, line_no, earning_code, amount, currency, reference, why)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, pay, 500, (ps, row) -> {
            RepClose.Pay p = row.line();
            ps.setString(1, period);
            ps.setString(2, row.close().repId());
            ps.setInt(3, p.lineNo());
            ps.setString(4, p.code().name());
            ps.setBigDecimal(5, p.amount());
            ps.setString(6, row.close().currency());
            ps.setString(7, p.reference());
            ps.setString(8, ColumnText.fit(p.why(), 500));
        });
        List<Row<RepClose.Cap>> caps = rows(closes, RepClose::caps);
        jdbc.batchUpdate("""
                INSERT INTO cap_effect (pay_period, rep_id, line_no, cap, limit_amount, removed, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, caps, 500, (ps, row) -> {
            RepClose.Cap c = row.line();
            ps.setString(1, period);
            ps.setString(2, row.close().repId());
            ps.setInt(3, c.lineNo());
            ps.setString(4, ColumnText.fit(c.cap(), 100));
            ps.setBigDecimal(5, Rounding.cents(c.limit()));
            ps.setBigDecimal(6, Rounding.cents(c.removed()));
            ps.setString(7, row.close().currency());
        });
        List<Row<RepClose.Attainment>> attainments = rows(closes, RepClose::attainments);
        jdbc.batchUpdate("""
                INSERT INTO component_attainment (pay_period, rep_id, line_no, plan_id, plan_version, component_id,
                    metric, window_key, credit, quota, attainment, earned, currency, money)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, attainments, 500, (ps, row) -> {
            RepClose.Attainment a = row.line();
            ps.setString(1, period);
            ps.setString(2, row.close().repId());
            ps.setInt(3, a.lineNo());
            ps.setString(4, a.planId());
            ps.setInt(5, a.planVersion());
            ps.setString(6, a.componentId());
            ps.setString(7, ColumnText.fit(a.metric(), 64));
            ps.setString(8, a.window());
            ps.setBigDecimal(9, a.credit().setScale(6, java.math.RoundingMode.HALF_EVEN));
            ps.setBigDecimal(10, a.quota() == null ? null : a.quota().setScale(6, java.math.RoundingMode.HALF_EVEN));
            ps.setBigDecimal(11, a.attainment() == null ? null
                    : a.attainment().setScale(8, java.math.RoundingMode.HALF_EVEN));
            ps.setBigDecimal(12, Rounding.cents(a.earned()));
            ps.setString(13, row.close().currency());
            ps.setBoolean(14, a.money());
        });
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
                """, closes, closes.size(), (ps, close) -> {
            RepClose.LedgerRow l = close.ledger();
            ps.setString(1, period);
            ps.setString(2, close.repId());
            ps.setString(3, close.planId());
            ps.setInt(4, close.planVersion());
            ps.setString(5, close.currency());
            ps.setBigDecimal(6, Rounding.cents(l.earnedToDate()));
            ps.setBigDecimal(7, Rounding.cents(l.due()));
            ps.setBigDecimal(8, Rounding.cents(l.carriedBalance()));
            ps.setBigDecimal(9, Rounding.cents(l.next().paidToDate()));
            ps.setBigDecimal(10, Rounding.cents(l.next().periodCapsToDate()));
            ps.setBigDecimal(11, Rounding.cents(l.next().heldBack()));
            ps.setBigDecimal(12, Rounding.cents(l.next().drawBalance()));
            ps.setBigDecimal(13, Rounding.cents(l.next().clawbackBalance()));
            ps.setBigDecimal(14, Rounding.cents(l.payout()));
        });
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
                e.window(), e.kind(), e.sourceId(), e.sourcePeriod(), columnScale(e.credit(), 6),
                columnScale(e.multiplier(), 6), ColumnText.fit(e.band(), 200), columnScale(e.rate(), 10),
                columnScale(e.amount(), 2), row.close().currency(), ColumnText.fit(e.why(), 500)};
    }

    /**
     * A decimal at most at its column's scale, rounded half up as the column rounds an INSERT's value:
     * LOAD DATA would store the same but warn, and {@link BulkLoad} fails a chunk on any warning.
     */
    private static BigDecimal columnScale(BigDecimal value, int scale) {
        return value == null || value.scale() <= scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
    }
}
