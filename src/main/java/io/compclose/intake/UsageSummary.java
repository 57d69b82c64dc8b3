package io.compclose.intake;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Summarises a pay period's usage delivery by account, month and currency, set-based in the
 * database: the close needs usage per account, and billed_usage keeps only its primary key so that
 * millions of rows load in key order. A row delivered again replaces its latest earlier delivery:
 * {@code usage_redelivery} names it, and {@code account_usage} subtracts its revenue, so the sum of
 * account_usage over the pay periods up to P is every usage row's latest delivery as known at P.
 */
@Repository
public class UsageSummary {

    /** A usage month is at most this many months before the pay period (see {@link UsageValidator}). */
    static final int MONTHS_BACK = 24;

    private final JdbcTemplate jdbc;

    public UsageSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Re-builds the period's summary; run inside one transaction it can be repeated any number of times. */
    public void summarise(YearMonth period) {
        String key = period.toString();
        jdbc.update("DELETE FROM account_usage WHERE pay_period = ?", key);
        jdbc.update("DELETE FROM usage_redelivery WHERE pay_period = ?", key);
        recordRedeliveries(period);
        jdbc.update("""
                INSERT INTO account_usage (pay_period, account_id, usage_month, currency, revenue, delivered_rows,
                    replaced_rows)
                SELECT ?, x.account_id, x.usage_month, x.currency, SUM(x.revenue), SUM(x.delivered), SUM(x.replaced)
                FROM (
                    SELECT u.account_id, u.usage_month, u.currency, u.revenue, 1 AS delivered, 0 AS replaced
                    FROM billed_usage u WHERE u.pay_period = ?
                    UNION ALL
                    SELECT e.account_id, e.usage_month, e.currency, -e.revenue, 0, 1
                    FROM usage_redelivery r JOIN billed_usage e
                        ON e.pay_period = r.replaces_period AND e.usage_id = r.usage_id
                    WHERE r.pay_period = ?
                ) x
                GROUP BY x.account_id, x.usage_month, x.currency
                """, key, key, key);
    }

    /**
     * Finds, for each of the period's rows about an earlier month, the latest earlier pay period that
     * delivered it. A row about month M can only have been delivered in a pay period from M on, so
     * each row is joined, by primary key, to the few earlier periods that could hold it.
     */
    private void recordRedeliveries(YearMonth period) {
        List<String> earlier = jdbc.queryForList("""
                SELECT DISTINCT pay_period FROM billed_usage WHERE pay_period >= ? AND pay_period < ?
                """, String.class, period.minusMonths(MONTHS_BACK).toString(), period.toString());
        if (earlier.isEmpty()) {
            return;
        }
        String periods = String.join(" UNION ALL ", Collections.nCopies(earlier.size(), "SELECT CAST(? AS CHAR(7)) AS p"));
        List<Object> args = new ArrayList<>(earlier);
        args.add(period.toString());
        args.add(period.toString());
        jdbc.update("""
                INSERT INTO usage_redelivery (pay_period, usage_id, replaces_period)
                SELECT b.pay_period, b.usage_id, MAX(e.pay_period)
                FROM billed_usage b
                JOIN (%s) q ON q.p >= b.usage_month
                JOIN billed_usage e ON e.pay_period = q.p AND e.usage_id = b.usage_id
                WHERE b.pay_period = ? AND b.usage_month < ?
                GROUP BY b.pay_period, b.usage_id
                """.formatted(periods), args.toArray());
    }
}
