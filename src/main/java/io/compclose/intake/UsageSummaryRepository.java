package io.compclose.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.compclose.core.plan.PayPeriod;

/**
 * Summarises a pay period's usage delivery by account, month and currency, set-based in the
 * database: the close needs usage per account, and billed_usage keeps only its primary key so that
 * millions of rows load in key order. A row delivered again replaces its latest earlier delivery:
 * {@code usage_redelivery} names it, and {@code account_usage} subtracts its revenue as a REPLACED
 * entry beside the DELIVERED ones, so the sum of account_usage over the pay periods up to P is every
 * usage row's latest delivery as known at P.
 */
@Repository
public class UsageSummaryRepository {

    /** A usage month is at most this many months before the pay period (see {@link UsageValidator}). */
    static final int MONTHS_BACK = 24;

    private final JdbcClient jdbc;

    public UsageSummaryRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Re-builds the period's summary; run inside one transaction it can be repeated any number of times. */
    public void summarise(PayPeriod period) {
        String key = period.id();
        jdbc.sql("DELETE FROM account_usage WHERE pay_period = :period").param("period", key).update();
        jdbc.sql("DELETE FROM usage_redelivery WHERE pay_period = :period").param("period", key).update();
        recordRedeliveries(period);
        // SQL_BIG_RESULT (a MySQL/MariaDB hint, a comment elsewhere) groups millions of rows by sorting
        // them: six times faster there than its default of a temporary table of the groups
        jdbc.sql("""
                INSERT INTO account_usage (pay_period, account_id, usage_month, currency, entry, revenue, usage_rows)
                SELECT /*! SQL_BIG_RESULT */ u.pay_period, u.account_id, u.usage_month, u.currency, 'DELIVERED',
                    SUM(u.revenue), COUNT(*)
                FROM billed_usage u WHERE u.pay_period = :period
                GROUP BY u.pay_period, u.account_id, u.usage_month, u.currency
                """).param("period", key).update();
        jdbc.sql("""
                INSERT INTO account_usage (pay_period, account_id, usage_month, currency, entry, revenue, usage_rows)
                SELECT /*! SQL_BIG_RESULT */ r.pay_period, e.account_id, e.usage_month, e.currency, 'REPLACED',
                    -SUM(e.revenue), COUNT(*)
                FROM usage_redelivery r JOIN billed_usage e
                    ON e.pay_period = r.replaces_period AND e.usage_id = r.usage_id
                WHERE r.pay_period = :period
                GROUP BY r.pay_period, e.account_id, e.usage_month, e.currency
                """).param("period", key).update();
    }

    /**
     * Finds, for each of the period's rows about an earlier month, the latest earlier pay period that
     * delivered it. A row about month M can only have been delivered in a pay period from M on. Each
     * earlier period that holds usage is one outer join by primary key, newest first, so the first
     * match is the latest: the period's rows are read once, in key order, with no grouping.
     */
    private void recordRedeliveries(PayPeriod period) {
        List<String> earlier = jdbc.sql("""
                SELECT DISTINCT pay_period FROM billed_usage WHERE pay_period >= :from AND pay_period < :period
                ORDER BY pay_period DESC
                """).param("from", period.month().minusMonths(MONTHS_BACK).toString()).param("period", period.id())
                .query(String.class).list();
        if (earlier.isEmpty()) {
            return;
        }
        StringBuilder joins = new StringBuilder();
        List<String> latest = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < earlier.size(); i++) {
            String e = "e" + i;
            joins.append(" LEFT JOIN billed_usage ").append(e).append(" ON ").append(e).append(".pay_period = :")
                    .append(e).append(" AND ").append(e).append(".usage_id = b.usage_id AND b.usage_month <= :")
                    .append(e);
            latest.add(e + ".pay_period");
            params.put(e, earlier.get(i));
        }
        String replaces = latest.size() == 1 ? latest.get(0) : "COALESCE(" + String.join(", ", latest) + ")";
        params.put("period", period.id());
        jdbc.sql("INSERT INTO usage_redelivery (pay_period, usage_id, replaces_period) SELECT b.pay_period, "
                + "b.usage_id, " + replaces + " FROM billed_usage b" + joins
                + " WHERE b.pay_period = :period AND b.usage_month < :period AND " + replaces + " IS NOT NULL")
                .params(params).update();
    }
}
