package io.compclose.intake;

import io.compclose.core.input.BilledUsage;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.compclose.intake.IntakeRepository.TableRows;

/**
 * The daily usage intake's own tables: the latest month-to-date usage.csv of a pay period and its
 * rejects. Nothing here is read by the close, so a preview can never change what the close pays.
 */
@Repository
public class UsagePreviewRepository {

    private static final TableRows<BilledUsage> PREVIEW = IntakeRepository.USAGE.in("usage_preview");

    /** intake_reject's columns but the file's, which is always usage.csv, and those naming a booking and a rep. */
    private static final TableRows<Reject> REJECTS = new TableRows<>("usage_preview_reject", 1, false,
            IntakeRepository.REJECTS.columns().stream().skip(1)
                    .filter(c -> !IntakeRepository.REJECT_NAMING.contains(c.name())).toList());

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public UsagePreviewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
    }

    /** Forgets the period's previous preview: each day's file is delivered whole, month to date. */
    public void clear(String period) {
        client.sql("DELETE FROM usage_preview WHERE pay_period = :period").param("period", period).update();
        client.sql("DELETE FROM usage_preview_reject WHERE pay_period = :period").param("period", period).update();
    }

    public void save(String period, List<BilledUsage> rows) {
        PREVIEW.upsert(jdbc, period, rows);
    }

    public void saveRejects(String period, List<Reject> rejects) {
        REJECTS.upsert(jdbc, period, rejects);
    }

    /** An accepted row by id, for telling a re-delivery within the file from a conflicting one. */
    public Optional<BilledUsage> row(String period, String usageId) {
        return IntakeRepository.usageRow(client, PREVIEW.table(), period, usageId);
    }

    /** The ids accepted so far: a restarted intake continues with them. */
    public KeyFilter ids(String period) {
        return IntakeRepository.keys(jdbc, "SELECT usage_id FROM usage_preview WHERE pay_period = ?", period);
    }

    public List<Reject> rejects(String period) {
        return client.sql("""
                SELECT line_no, column_name, reason, raw_value, kind FROM usage_preview_reject
                WHERE pay_period = :period ORDER BY line_no
                """).param("period", period).query((rs, i) -> new Reject(CsvFileSpec.USAGE.fileName(), rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), Reject.Kind.valueOf(rs.getString(5)))).list();
    }

    /** Accepted usage per account, month and currency, in that order; streamed to {@code each}. */
    public void accountTotals(String period, Consumer<AccountTotal> each) {
        client.sql("""
                SELECT account_id, usage_month, currency, COUNT(*), SUM(revenue) FROM usage_preview
                WHERE pay_period = :period GROUP BY account_id, usage_month, currency
                ORDER BY account_id, usage_month, currency
                """).param("period", period).query((RowCallbackHandler) rs -> each.accept(new AccountTotal(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5))));
    }

    /** One line of the preview's account totals. */
    public record AccountTotal(String accountId, String usageMonth, String currency, long rows, BigDecimal revenue) {
    }

    /** Accepted usage per month and currency: the figures the command prints. */
    public List<MonthTotal> monthTotals(String period) {
        return client.sql("""
                SELECT usage_month, currency, COUNT(*), SUM(revenue) FROM usage_preview WHERE pay_period = :period
                GROUP BY usage_month, currency ORDER BY usage_month, currency
                """).param("period", period).query((rs, i) -> new MonthTotal(YearMonth.parse(rs.getString(1)),
                rs.getString(2), rs.getLong(3), rs.getBigDecimal(4))).list();
    }

    public long count(String period, Reject.Kind kind) {
        return client.sql("SELECT COUNT(*) FROM usage_preview_reject WHERE pay_period = :period AND kind = :kind")
                .param("period", period).param("kind", kind.name()).query(Long.class).single();
    }

    /** Accepted usage of one month in one currency. */
    public record MonthTotal(YearMonth usageMonth, String currency, long rows, BigDecimal revenue) {
    }
}
