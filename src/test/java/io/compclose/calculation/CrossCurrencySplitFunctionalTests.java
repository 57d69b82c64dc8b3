package io.compclose.calculation;

import static io.compclose.support.CliRun.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.core.plan.PayPeriod;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * One rounding policy (jobs/plans.md, "Rounding"): a booking in EUR split three ways between reps paid
 * in USD is converted once, share by share, by crediting; the calculation pays on that stored credit
 * and rounds each commission once, and nothing is rounded again when it is saved, exported or printed.
 * An amount rounded twice (the ACV converted and rounded again by the calculation, or a figure rounded
 * on its way into a column) would make the earning line, payroll row and statement disagree.
 */
class CrossCurrencySplitFunctionalTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void aSplitForeignCurrencyDealIsConvertedOnceAndEachCommissionRoundedOnce(String database, @TempDir Path work)
            throws Exception {
        Path inbox = TestInbox.write(work, "2026-10", TestInbox.THREE_AES, TestInbox.AE_10_PLAN, Map.of(
                "fx_rates.csv", "currency,rate_to_usd,period\nEUR,1.0913,2026-10\n",
                "bookings.csv", TestInbox.BOOKINGS_HEADER + "B1,2026-10-05,X1,Xeno,A1,NEW,PLATFORM,1234.57,3703.71,36,EUR,,\n",
                "splits.csv", "booking_id,rep_id,percent,role\nB1,A1,33.33,AE\nB1,B1,33.33,AE\nB1,C1,33.34,AE\n"));
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_split_fx");

        // Crediting converts each share once, at EUR->USD 1.0913, half-even to the cent:
        // A1, B1: EUR 1,234.57 x 33.33 % = 411.482181 -> 411.4822 x 1.0913 = 449.05052486 -> USD 449.05
        // C1 takes the remainder: EUR 1,234.57 - 2 x 411.4822 = 411.6056 x 1.0913 = 449.18519128 -> USD 449.19
        // Commission at 10 %, rounded once: 449.05 x 10 % = 44.905 -> 44.90 (half-even); 449.19 -> 44.919 -> 44.92.
        // Converting the whole ACV again (1,234.57 x 1.0913 = 1,347.286241 -> 1,347.29) and taking 33.33 % of it
        // gives 449.051757, and 44.9051757 -> 44.91: a cent more for A1 and B1.
        CliRun close = CliRun.close("2026-10", inbox, out, url);
        assertThat(close.exitCode()).as(close.toString()).isZero();

        JdbcTemplate jdbc = new CloseFixture(out, url, false).jdbc();
        assertThat(jdbc.queryForList("""
                SELECT c.rep_id, c.amount AS stored, e.credit, e.amount, e.why FROM credit c
                JOIN earning_line e ON e.pay_period = c.pay_period AND e.rep_id = c.rep_id AND e.source_id = c.booking_id
                WHERE c.pay_period = '2026-10' ORDER BY c.rep_id""").stream()
                .map(r -> r.get("rep_id") + " " + plain(r.get("stored")) + " " + plain(r.get("credit")) + " "
                        + plain(r.get("amount")) + " | " + r.get("why")).toList())
                .containsExactly(
                        "A1 449.05 449.05 44.9 | credit EUR 411.4822 × 1.0913 = USD 449.05",
                        "B1 449.05 449.05 44.9 | credit EUR 411.4822 × 1.0913 = USD 449.05",
                        "C1 449.19 449.19 44.92 | credit EUR 411.6056 × 1.0913 = USD 449.19");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E-A1,A1,2026-10,COMMISSION,44.90,USD",
                "E-B1,B1,2026-10,COMMISSION,44.90,USD",
                "E-C1,C1,2026-10,COMMISSION,44.92,USD");
        // the whole ACV and TCV are converted once too, for plan conditions and the TCV metric, and stored:
        // 1,234.57 x 1.0913 = 1,347.286241 -> 1,347.29; 3,703.71 x 1.0913 = 4,041.858723 -> 4,041.86
        assertThat(jdbc.queryForList("SELECT rep_id, acv_pay, tcv_pay FROM credit WHERE pay_period = '2026-10' "
                + "ORDER BY rep_id").stream().map(r -> r.get("rep_id") + " " + plain(r.get("acv_pay")) + " "
                        + plain(r.get("tcv_pay"))).toList())
                .containsExactly("A1 1347.29 4041.86", "B1 1347.29 4041.86", "C1 1347.29 4041.86");
        // the calculation reads what is stored, never converting the booking again
        jdbc.update("UPDATE credit SET acv_pay = 60000, tcv_pay = 180000 WHERE rep_id = 'A1'");
        assertThat(new RepHistoryRepository(jdbc, null, new io.compclose.system.PayCalendar("")).dealsOfYear("A1", PayPeriod.of(YearMonth.of(2026, 10))))
                .singleElement().satisfies(d -> assertThat(plain(d.deal().acv()) + " " + plain(d.deal().tcv()))
                        .isEqualTo("60000 180000"));
        for (String rep : new String[] {"A1:449.05 10 % 44.90", "B1:449.05 10 % 44.90", "C1:449.19 10 % 44.92"}) {
            String[] idAndLine = rep.split(":");
            String statement = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10/" + idAndLine[0] + ".pdf")));
            assertThat(statement).contains(idAndLine[1], "USD " + idAndLine[1].substring(idAndLine[1].lastIndexOf(' ') + 1));
        }

        // a credit stored before acv_pay and tcv_pay existed gets them from changeset 025-02, as the
        // calculation converted them then: half-even to the cent. At 1.5, ACV 1,000.03 is 1,500.045 -> 1,500.04
        // and TCV 3,703.71 is 5,555.565 -> 5,555.56 (half up would give 1,500.05 and 5,555.57); C1's booking
        // is made same-currency, which keeps the amounts as booked
        jdbc.update("UPDATE booking SET acv = 1000.03 WHERE booking_id = 'B1'");
        jdbc.update("UPDATE credit SET acv_pay = NULL, tcv_pay = NULL, fx_rate = 1.5");
        jdbc.update("UPDATE credit SET currency = 'EUR' WHERE rep_id = 'C1'");
        jdbc.update("DELETE FROM DATABASECHANGELOG WHERE ID = '025-02-credit-acv-tcv-pay-filled'");
        CliRun migrated = CliRun.of(database.equals("h2") ? List.of("status", "--out=" + out)
                : List.of("status", "--out=" + out, "--spring.datasource.url=" + url));
        assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
        assertThat(jdbc.queryForList("SELECT rep_id, acv_pay, tcv_pay FROM credit WHERE pay_period = '2026-10' "
                + "ORDER BY rep_id").stream().map(r -> r.get("rep_id") + " " + plain(r.get("acv_pay")) + " "
                        + plain(r.get("tcv_pay"))).toList())
                .containsExactly("A1 1500.04 5555.56", "B1 1500.04 5555.56", "C1 1000.03 3703.71");
    }
}
