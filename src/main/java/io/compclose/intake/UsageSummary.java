package io.compclose.intake;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Summarises a pay period's usage delivery by account, month and currency, set-based in the
 * database: the close needs usage per account, and billed_usage keeps only its primary key so that
 * millions of rows load in key order. A row delivered again replaces its latest earlier delivery:
 * {@code usage_redelivery} names it, and {@code account_usage} subtracts its revenue as a REPLACED
 * entry beside the DELIVERED ones, so the sum of account_usage over the pay periods up to P is every
 * usage row's latest delivery as known at P.
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
        // SQL_BIG_RESULT (a MySQL/MariaDB hint, a comment elsewhere) groups millions of rows by sorting
        // them: six times faster there than its default of a temporary table of the groups
        jdbc.update("""
                INSERT INTO account_usage (pay_period, account_id, usage_month, currency, entry, revenue, usage_rows)
                SELECT /*! SQL_BIG_RESULT */ u.pay_period, u.account_id, u.usage_month, u.currency, 'DELIVERED',
                    SUM(u.revenue), COUNT(*)
                FROM billed_usage u WHERE u.pay_period = ?
                GROUP BY u.pay_period, u.account_id, u.usage_month, u.currency
                """, key);
        jdbc.update("""
                INSERT INTO account_usage (pay_period, account_id, usage_month, currency, entry, revenue, usage_rows)
                SELECT /*! SQL_BIG_RESULT */ r.pay_period, e.account_id, e.usage_month, e.currency, 'REPLACED',
                    -SUM(e.revenue), COUNT(*)
                FROM usage_redelivery r JOIN billed_usage e
                    ON e.pay_period = r.replaces_period AND e.usage_id = r.usage_id
                WHERE r.pay_period = ?
                GROUP BY r.pay_period, e.account_id, e.usage_month, e.currency
                """, key);
    }

    /**
     * Finds, for each of the period's rows about an earlier month, the latest earlier pay period that
     * delivered it. A row about month M can only have been delivered in a pay period from M on. Each
     * earlier period that holds usage is one outer join by primary key, newest first, so the first
     * match is the latest: the period's rows are read once, in key order, with no grouping.
     */
    private void recordRedeliveries(YearMonth period) {
        List<String> earlier = jdbc.queryForList("""
                SELECT DISTINCT pay_period FROM billed_usage WHERE pay_period >= ? AND pay_period < ?
                ORDER BY pay_period DESC
                """, String.class, period.minusMonths(MONTHS_BACK).toString(), period.toString());
        if (earlier.isEmpty()) {
            return;
        }
        StringBuilder joins = new StringBuilder();
        List<String> latest = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            String e = "e" + i;
            joins.append(" LEFT JOIN billed_usage ").append(e).append(" ON ").append(e).append(".pay_period = ? AND ")
                    .append(e).append(".usage_id = b.usage_id AND b.usage_month <= ?");
            latest.add("e" + i + ".pay_period");
            args.add(earlier.get(i));
            args.add(earlier.get(i));
        }
        String replaces = latest.size() == 1 ? latest.get(0) : "COALESCE(" + String.join(", ", latest) + ")";
        args.add(period.toString());
        args.add(period.toString());
        jdbc.update("INSERT INTO usage_redelivery (pay_period, usage_id, replaces_period) SELECT b.pay_period, "
                + "b.usage_id, " + replaces + " FROM billed_usage b" + joins
                + " WHERE b.pay_period = ? AND b.usage_month < ? AND " + replaces + " IS NOT NULL", args.toArray());
    }
}
