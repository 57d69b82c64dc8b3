package io.compclose.intake;

import io.compclose.core.input.BilledUsage;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import io.compclose.system.ColumnText;

/**
 * The daily usage intake's own tables: the latest month-to-date usage.csv of a pay period and its
 * rejects. Nothing here is read by the close, so a preview can never change what the close pays.
 */
@Repository
public class UsagePreviewRepository {

    private final JdbcTemplate jdbc;

    public UsagePreviewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets the period's previous preview: each day's file is delivered whole, month to date. */
    public void clear(String period) {
        jdbc.update("DELETE FROM usage_preview WHERE pay_period = ?", period);
        jdbc.update("DELETE FROM usage_preview_reject WHERE pay_period = ?", period);
    }

    public void save(String period, List<BilledUsage> rows) {
        IntakeRepository.insertUsage(jdbc, "usage_preview", period, rows);
    }

    public void saveRejects(String period, List<Reject> rejects) {
        jdbc.batchUpdate("""
                INSERT INTO usage_preview_reject (pay_period, line_no, column_name, reason, raw_value, kind)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE column_name = VALUES(column_name), reason = VALUES(reason),
                    raw_value = VALUES(raw_value), kind = VALUES(kind)
                """, rejects, rejects.size(), (ps, r) -> {
            ps.setString(1, period);
            ps.setLong(2, r.line());
            ps.setString(3, r.column());
            ps.setString(4, ColumnText.fit(r.reason(), 500));
            ps.setString(5, ColumnText.fit(r.rawValue(), 2000));
            ps.setString(6, r.kind().name());
        });
    }

    /** An accepted row by id, for telling a re-delivery within the file from a conflicting one. */
    public Optional<BilledUsage> row(String period, String usageId) {
        return IntakeRepository.usageRow(jdbc, "usage_preview", period, usageId);
    }

    /** The ids accepted so far: a restarted intake continues with them. */
    public KeyFilter ids(String period) {
        return IntakeRepository.keys(jdbc, "SELECT usage_id FROM usage_preview WHERE pay_period = ?", period);
    }

    public List<Reject> rejects(String period) {
        return jdbc.query("""
                SELECT line_no, column_name, reason, raw_value, kind FROM usage_preview_reject
                WHERE pay_period = ? ORDER BY line_no
                """, (rs, i) -> new Reject(CsvFileSpec.USAGE.fileName(), rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), Reject.Kind.valueOf(rs.getString(5))), period);
    }

    /** Accepted usage per account, month and currency, in that order; streamed to {@code each}. */
    public void accountTotals(String period, RowCallbackHandler each) {
        jdbc.query("""
                SELECT account_id, usage_month, currency, COUNT(*), SUM(revenue) FROM usage_preview
                WHERE pay_period = ? GROUP BY account_id, usage_month, currency
                ORDER BY account_id, usage_month, currency
                """, each, period);
    }

    /** Accepted usage per month and currency: the figures the command prints. */
    public List<MonthTotal> monthTotals(String period) {
        return jdbc.query("""
                SELECT usage_month, currency, COUNT(*), SUM(revenue) FROM usage_preview WHERE pay_period = ?
                GROUP BY usage_month, currency ORDER BY usage_month, currency
                """, (rs, i) -> new MonthTotal(YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getLong(3),
                rs.getBigDecimal(4)), period);
    }

    public long count(String period, Reject.Kind kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM usage_preview_reject WHERE pay_period = ? AND kind = ?",
                Long.class, period, kind.name());
    }

    /** Accepted usage of one month in one currency. */
    public record MonthTotal(YearMonth usageMonth, String currency, long rows, BigDecimal revenue) {
    }
}
