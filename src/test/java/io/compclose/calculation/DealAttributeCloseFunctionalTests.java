package io.compclose.calculation;

import static io.compclose.support.CliRun.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * A booking's margin and discount go from bookings.csv through the booking table to the plan's conditions:
 * no commission below 20 % gross margin, half the credit above 30 % discount (jobs/plans.md, "Deal
 * attributes"), and an impossible margin is a reject naming file, line, column and reason.
 */
class DealAttributeCloseFunctionalTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void theAttributesReachTheCalculationThroughTheDatabase(String database, @TempDir Path work) throws Exception {
        String header = TestInbox.BOOKINGS_HEADER.strip() + ",gross_margin_pct,discount_pct,payment_terms_days\n";
        Path inbox = TestInbox.write(work, "2026-10", TestInbox.THREE_AES, TestInbox.AE_10_MARGIN_PLAN, Map.of("bookings.csv", header
                + "G1,2026-10-05,X1,Xeno,A1,NEW,PLATFORM,40000,,12,USD,,,35,10,30\n"
                + "G2,2026-10-06,X2,Yak,A1,NEW,PLATFORM,20000,,12,USD,,,15,,\n"
                + "G3,2026-10-07,X3,Zed,A1,NEW,PLATFORM,30000,,12,USD,,,25.5,40,90\n"
                + "G4,2026-10-08,X4,Wolf,A1,NEW,PLATFORM,10000,,12,USD,,,,,\n"
                + "G5,2026-10-09,X5,Vole,A1,NEW,PLATFORM,50000,,12,USD,,,150,,\n"));
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_deal_attributes");

        CliRun close = CliRun.close("2026-10", inbox, out, url);
        assertThat(close.exitCode()).as(close.toString()).isZero();

        // G5's 150 % margin is rejected; the others are stored with what they carry, blank as null
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-10.csv"))).contains(
                "bookings.csv,6,gross_margin_pct,must be from -100 to 100,150");
        JdbcTemplate jdbc = new CloseFixture(out, url, false).jdbc();
        assertThat(jdbc.queryForList("SELECT booking_id, gross_margin_pct, discount_pct, payment_terms_days "
                + "FROM booking WHERE pay_period = '2026-10' ORDER BY booking_id").stream()
                .map(r -> r.get("booking_id") + " " + figure(r.get("gross_margin_pct")) + " "
                        + figure(r.get("discount_pct")) + " " + r.get("payment_terms_days")).toList())
                .containsExactly("G1 35 10 30", "G2 15 null null", "G3 25.5 40 90", "G4 null null null");

        // G1 40,000 x 10 % = 4,000; G2 (15 % margin) and G4 (no margin) earn nothing, saying why;
        // G3's 40 % discount halves its credit: 30,000 x 0.5 = 15,000 x 10 % = 1,500. 4,000 + 1,500 = 5,500
        String unmet = "not measured by any component of AE-10 v1: bookings counts only deals where "
                + "grossMarginPct != null and grossMarginPct >= 20";
        assertThat(jdbc.queryForList("SELECT source_id, line_kind, credit, amount, why FROM earning_line "
                + "WHERE pay_period = '2026-10' AND rep_id = 'A1' ORDER BY source_id").stream()
                .map(r -> r.get("source_id") + " " + r.get("line_kind") + " " + plain(r.get("credit")) + " "
                        + plain(r.get("amount")) + (r.get("line_kind").equals("NOT_COUNTED") ? " | " + r.get("why")
                                : "")).toList())
                .containsExactly("G1 TRANSACTION 40000 4000", "G2 NOT_COUNTED 20000 0 | " + unmet,
                        "G3 TRANSACTION 15000 1500", "G4 NOT_COUNTED 10000 0 | " + unmet);
        // the statement shows both: G3's credit share ×0.5, G2's and G4's unmet condition
        String statement = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10/A1.pdf")))
                .replaceAll("\\s+", " ");
        assertThat(statement).contains("100 % ×0.5", "counts only deals where grossMarginPct != null and "
                + "grossMarginPct >= 20");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E-A1,A1,2026-10,COMMISSION,5500.00,USD");
    }

    private static String figure(Object stored) {
        return stored == null ? "null" : plain(stored);
    }
}
