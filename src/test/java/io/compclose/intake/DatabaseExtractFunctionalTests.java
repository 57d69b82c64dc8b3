package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;

/**
 * Bookings and usage read from a CRM and billing replica on MariaDB, with their own column names,
 * instead of the inbox's files: the same validation, rejects and reconciliation as the files.
 */
class DatabaseExtractFunctionalTests {

    @TempDir
    Path work;

    @Test
    void bookingsAndUsageComeFromAConfiguredQueryAndAreValidatedLikeTheFiles() throws Exception {
        String replica = TestDatabases.freshMariaDb("compclose_crm");
        JdbcTemplate crm = new JdbcTemplate(new DriverManagerDataSource(replica));
        crm.execute("""
                CREATE TABLE opportunity (opp_id VARCHAR(20) PRIMARY KEY, close_date DATE, acct VARCHAR(20),
                    acct_name VARCHAR(50), owner VARCHAR(20), kind VARCHAR(20), sku VARCHAR(20),
                    annual_value DECIMAL(12, 2), ccy CHAR(3), stage VARCHAR(20))""");
        crm.execute("""
                INSERT INTO opportunity VALUES
                ('O1', '2026-10-03', 'ACC1', 'Acme, Inc.', 'R1', 'NEW', 'PLATFORM', 12000.00, 'USD', 'Closed Won'),
                ('O2', '2026-10-08', 'ACC1', 'Acme, Inc.', 'R1', 'UPSELL', 'BACKUP', 3000.50, 'USD', 'Closed Won'),
                ('O3', '2026-10-09', 'ACC2', 'Beta', 'R1', 'NEW', 'PLATFORM', -50.00, 'USD', 'Closed Won'),
                ('O4', '2026-10-10', 'ACC2', 'Beta', 'R1', 'NEW', 'PLATFORM', 99999.00, 'USD', 'Negotiation')""");
        crm.execute("""
                CREATE TABLE usage_line (line_id BIGINT PRIMARY KEY, account VARCHAR(20), sku VARCHAR(20),
                    billed_month CHAR(7), amount DECIMAL(14, 4), ccy CHAR(3))""");
        crm.execute("INSERT INTO usage_line VALUES (1, 'ACC9', 'COMPUTE', '2026-10', 5000.0000, 'USD')");

        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox.resolve("plans"));
        Files.writeString(inbox.resolve("reps.csv"), """
                rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
                R1,Rob Rep,E1,rob@example.com,AE,,West,AE,USD,2026-01-01,
                C1,Cal Csm,E2,cal@example.com,CSM,,West,CSM,USD,2026-01-01,
                """);
        Files.writeString(inbox.resolve("account_owners.csv"), """
                account_id,rep_id,role,effective_from,effective_to
                ACC9,C1,CSM,2026-01-01,
                """);
        Files.writeString(inbox.resolve("plans/plans.yaml"), """
                plan: AE
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
                ---
                plan: CSM
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components: [{id: consumption, metric: USAGE_REVENUE, rate: 0.02}]
                """);
        Path out = work.resolve("out");
        String url = TestDatabases.freshMariaDb("compclose_extract");

        CliRun run = CliRun.of(List.of("close", "--period=2026-10", "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false", "--spring.datasource.url=" + url,
                "--compclose.extract.url=" + replica,
                "--compclose.extract.bookings-sql=SELECT opp_id AS booking_id, close_date AS booked_on, acct AS "
                        + "account_id, acct_name AS account_name, owner AS owner_rep_id, kind AS type, sku AS product, "
                        + "annual_value AS acv, ccy AS currency FROM opportunity WHERE stage = 'Closed Won' "
                        + "ORDER BY opp_id",
                "--compclose.extract.usage-sql=SELECT CONCAT('U', line_id) AS usage_id, account AS account_id, "
                        + "sku AS product, billed_month AS usage_month, amount AS revenue, ccy AS currency "
                        + "FROM usage_line ORDER BY line_id"));

        // R1: (12,000.00 + 3,000.50) x 10 % = 1,500.05; O3's negative ACV is rejected, O4 is not closed-won.
        // C1: ACC9's October usage 5,000 x 2 % = 100.00
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-10,COMMISSION,1500.05,USD",
                "E2,C1,2026-10,COMMISSION,100.00,USD");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-10.csv"))).containsExactly(
                "file,line,column,reason,raw_value",
                "bookings.csv,3,acv,must not be negative (cancellations are not bookings),'-50");
        JdbcTemplate close = new CloseFixture(out, url, false).jdbc();
        // the extract is read again for reconciliation: ACV read 12,000.00 + 3,000.50 − 50.00 = 14,950.50
        // = accepted 15,000.50 + rejected −50.00
        assertThat(close.queryForList("""
                SELECT stage, currency, row_count, amount FROM control_total WHERE pay_period = '2026-10'
                AND (stage LIKE 'bookings.csv:%' OR stage LIKE 'usage.csv:%') ORDER BY stage""").stream()
                .map(r -> r.get("stage") + "=" + r.get("row_count") + (r.get("currency").equals("") ? ""
                        : " " + r.get("currency") + " " + CliRun.plain(r.get("amount")))).toList())
                .containsExactly("bookings.csv:accepted=2", "bookings.csv:acv_read=3 USD 14950.5",
                        "bookings.csv:acv_rejected=1 USD -50", "bookings.csv:duplicate=0", "bookings.csv:read=3",
                        "bookings.csv:rejected=1", "usage.csv:accepted=1", "usage.csv:duplicate=0", "usage.csv:read=1",
                        "usage.csv:rejected=0");
    }
}
