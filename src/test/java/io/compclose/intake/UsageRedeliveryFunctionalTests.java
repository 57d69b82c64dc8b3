package io.compclose.intake;

import static io.compclose.support.CliRun.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * A billing correction: October's usage row U1 is delivered again in November with a new revenue and
 * again in December. Each later delivery replaces the one before it, the close pays on the latest,
 * and the usage summary the calculation reads shows what each delivery changed.
 */
class UsageRedeliveryFunctionalTests {

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            C1,Cora Csm,E3,cora@example.com,CSM,,West,CSM-USAGE,USD,2026-01-01,
            """;
    private static final String PLANS = """
            plan: CSM-USAGE
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: consumption, metric: USAGE_REVENUE, rate: 0.01}]
            """;
    private static final String USAGE = "usage_id,account_id,product,usage_month,quantity,unit,revenue,currency\n";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void aReDeliveredUsageRowReplacesItsLatestEarlierDelivery(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_redeliver");

        // October: U1 10,000 x 1 % = 100.00
        close("2026-10", USAGE + "U1,ACC-1,COMPUTE,2026-10,,,10000,USD\n", out, url);
        // November: U1 corrected to 12,000; U2 8,000. Earned to date (12,000 + 8,000) x 1 % = 200.00,
        // paid 100.00 before: 100.00. U2 delivered twice in the file is counted once.
        close("2026-11", USAGE + "U1,ACC-1,COMPUTE,2026-10,,,12000,USD\n" + "U2,ACC-1,COMPUTE,2026-11,,,8000,USD\n"
                + "U2,ACC-1,COMPUTE,2026-11,,,8000,USD\n", out, url);
        // December: U1 again, 13,000, replacing November's 12,000 (not October's 10,000); U3 1,000.
        // Earned to date (13,000 + 8,000 + 1,000) x 1 % = 220.00, paid 200.00 before: 20.00.
        close("2026-12", USAGE + "U1,ACC-1,COMPUTE,2026-10,,,13000,USD\n" + "U3,ACC-1,COMPUTE,2026-12,,,1000,USD\n",
                out, url);

        assertThat(payroll(out, "2026-10")).containsExactly("E3,C1,2026-10,COMMISSION,100.00,USD");
        assertThat(payroll(out, "2026-11")).containsExactly("E3,C1,2026-11,COMMISSION,100.00,USD");
        assertThat(payroll(out, "2026-12")).containsExactly("E3,C1,2026-12,COMMISSION,20.00,USD");

        JdbcTemplate jdbc = new CloseFixture(out, url, false).jdbc();
        assertThat(jdbc.queryForList("SELECT pay_period, usage_id, replaces_period FROM usage_redelivery "
                + "ORDER BY pay_period").stream().map(r -> r.get("pay_period") + " " + r.get("usage_id")
                + " replaces " + r.get("replaces_period")).toList())
                .containsExactly("2026-11 U1 replaces 2026-10", "2026-12 U1 replaces 2026-11");
        // each period's delivery, and the earlier delivery it replaced: 12,000 for 10,000, then 13,000 for 12,000
        assertThat(jdbc.queryForList("""
                SELECT pay_period, usage_month, entry, revenue, usage_rows FROM account_usage
                ORDER BY pay_period, usage_month, entry""").stream().map(r -> r.get("pay_period") + " "
                + r.get("usage_month") + " " + r.get("entry") + " " + plain(r.get("revenue")) + " "
                + r.get("usage_rows")).toList())
                .containsExactly("2026-10 2026-10 DELIVERED 10000 1",
                        "2026-11 2026-10 DELIVERED 12000 1", "2026-11 2026-10 REPLACED -10000 1",
                        "2026-11 2026-11 DELIVERED 8000 1",
                        "2026-12 2026-10 DELIVERED 13000 1", "2026-12 2026-10 REPLACED -12000 1",
                        "2026-12 2026-12 DELIVERED 1000 1");
        // reconciliation: what was delivered and what it replaced, each tied to the summary
        assertThat(jdbc.queryForList("""
                SELECT stage, row_count, amount FROM control_total WHERE pay_period = '2026-12'
                AND stage LIKE 'usage%' AND stage NOT LIKE 'usage.csv%' ORDER BY stage""").stream()
                .map(r -> r.get("stage") + " " + r.get("row_count") + " " + plain(r.get("amount"))).toList())
                .containsExactly("usage_replaced 1 12000", "usage_revenue 2 14000",
                        "usage_summarised_delivered 2 14000", "usage_summarised_replaced 1 12000");
    }

    private void close(String period, String usage, Path out, String url) throws Exception {
        Path inbox = TestInbox.write(work, period, REPS, PLANS, Map.of(
                "bookings.csv", "booking_id,booked_on,account_id,account_name,owner_rep_id,type,product,acv,tcv,"
                        + "term_months,currency,sourced_by_rep_id,bundle_id\n",
                "account_owners.csv", "account_id,rep_id,role,effective_from,effective_to\nACC-1,C1,CSM,2026-10-01,\n",
                "usage.csv", usage));
        // usage alone: a month without bookings
        CliRun run = CliRun.close(period, inbox, out, url, "--allow-empty=bookings");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static List<String> payroll(Path out, String period) throws Exception {
        return Files.readAllLines(out.resolve("payroll/payroll-" + period + ".csv")).stream().skip(1).toList();
    }
}
