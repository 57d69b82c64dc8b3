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
 * October then November with usage and currencies: a CSM paid on usage growth over each account's
 * trailing three-month baseline, an AE paid in USD on deals booked in EUR at each period's rate,
 * and an AE paid in EUR on a deal booked in GBP at the cross rate. Figures computed in the comments.
 */
class ConsumptionAndCurrencyCloseFunctionalTests {

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            A1,Ada Dollar,E1,ada@example.com,AE,,West,AE-USD,USD,2026-01-01,
            A2,Bea Euro,E2,bea@example.com,AE,,EMEA,AE-EUR,EUR,2026-01-01,
            C1,Cora Csm,E3,cora@example.com,CSM,,West,CSM-GROWTH,USD,2026-01-01,
            """;

    private static final String PLANS = """
            plan: AE-USD
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
            ---
            plan: AE-EUR
            version: 1
            effective_from: 2026-01-01
            currency: EUR
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
            ---
            plan: CSM-GROWTH
            version: 1
            effective_from: 2026-01-01
            currency: USD
            target_incentive: 20000
            components: [{id: consumption-growth, metric: USAGE_GROWTH, rate: 0.05}]
            bonuses: [{id: usage-up-20, metric: USAGE_GROWTH, at_least: 0.20, amount: 2500, once_per: YEAR}]
            """;

    private static final String BOOKINGS = "booking_id,booked_on,account_id,account_name,owner_rep_id,type,"
            + "product,acv,tcv,term_months,currency,sourced_by_rep_id,bundle_id\n";
    private static final String USAGE = "usage_id,account_id,product,usage_month,quantity,unit,revenue,currency\n";
    private static final String OWNERS = "account_id,rep_id,role,effective_from,effective_to\n";
    private static final String FX = "currency,rate_to_usd,period\n";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void usageGrowthAndForeignCurrencyDealsArePaidAtEachPeriodsRate(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_usage");
        Path october = inbox("2026-10", Map.of(
                "fx_rates.csv", FX + "EUR,1.08,2026-10\nGBP,1.27,2026-10\nUSD,1,2026-10\nCHF,-1,2026-10\n",
                "bookings.csv", BOOKINGS
                        + "B1,2026-10-05,X1,Xeno,A1,NEW,PLATFORM,10000,,12,EUR,,\n"
                        + "B2,2026-10-07,X2,Yoyo,A2,NEW,PLATFORM,5000,,12,GBP,,\n"
                        + "B4,2026-10-09,X3,Zeta,A1,NEW,PLATFORM,7000,,12,CHF,,\n",
                "account_owners.csv", OWNERS + "ACC-1,C1,CSM,2026-10-01,\nACC-2,C1,CSM,2026-10-01,\n",
                "usage.csv", USAGE
                        + "U07,ACC-1,COMPUTE,2026-07,,,10000,USD\n"
                        + "U08,ACC-1,COMPUTE,2026-08,,,11000,USD\n"
                        + "U09,ACC-1,COMPUTE,2026-09,,,12000,USD\n"
                        + "U10,ACC-1,COMPUTE,2026-10,500,vCPU-h,15000,USD\n"
                        + "V10,ACC-2,STORAGE,2026-10,,,1000,EUR\n"
                        + "W10,ACC-3,COMPUTE,2026-10,,,500,USD\n"
                        + "BAD,ACC-1,COMPUTE,2026-10,,,-5,USD\n"));
        Path november = inbox("2026-11", Map.of(
                "fx_rates.csv", FX + "EUR,1.10,2026-11\nEUR,1.09,2026-10\n",
                "bookings.csv", BOOKINGS + "B3,2026-11-05,X1,Xeno,A1,UPSELL,PLATFORM,10000,,12,EUR,,\n",
                "account_owners.csv", OWNERS + "ACC-1,C1,CSM,2026-10-01,\nACC-2,C1,CSM,2026-10-01,2026-11-15\n",
                "usage.csv", USAGE
                        + "U11,ACC-1,COMPUTE,2026-11,,,15000,USD\n"
                        + "V11,ACC-2,STORAGE,2026-11,,,2000,EUR\n"));

        // October. A1: B1 EUR 10,000 x 1.08 = USD 10,800.00 x 10 % = 1,080.00; B4 in CHF has no rate: rejected.
        // A2: B2 GBP 5,000 at 1.27 / 1.08 = 1.17592592593 = EUR 5,879.63 x 10 % = 587.963 -> 587.96.
        // C1: ACC-1 baseline (10,000 + 11,000 + 12,000) / 3 = 11,000, growth 4,000 x 5 % = 200.00;
        // ACC-2 has no history: growth EUR 1,000 x 1.08 = USD 1,080.00 x 5 % = 54.00; 254.00 in all.
        // Usage up (15,000 + 1,080) / 11,000 - 1 = 46.18 % >= 20 %: the 2,500 bonus. ACC-3 has no owner.
        CliRun oct = CliRun.close("2026-10", october, out, url);
        assertThat(oct.exitCode()).as(oct.toString()).isZero();
        assertThat(oct.out()).contains("Rejected input rows: 4 (bookings.csv 1, fx_rates.csv 2, usage.csv 1)");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,A1,2026-10,COMMISSION,1080.00,USD",
                "E2,A2,2026-10,COMMISSION,587.96,EUR",
                "E3,C1,2026-10,BONUS,2500.00,USD",
                "E3,C1,2026-10,COMMISSION,254.00,USD");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-10.csv"))).contains(
                "bookings.csv,4,currency,no FX rate for CHF in 2026-10 (fx_rates.csv) to convert into the owner's "
                        + "pay currency USD,CHF",
                "fx_rates.csv,4,currency,the base currency USD needs no rate,USD",
                "fx_rates.csv,5,rate_to_usd,must be greater than zero,'-1",
                "usage.csv,8,revenue,must not be negative (credit notes belong in adjustments.csv),'-5");

        JdbcTemplate jdbc = new CloseFixture(out, url, false).jdbc();
        // the credit keeps both amounts and the rate
        assertThat(jdbc.queryForList("""
                SELECT booking_id, amount, currency, original_amount, original_currency, fx_rate FROM credit
                WHERE pay_period = '2026-10' ORDER BY booking_id""").stream()
                .map(r -> r.get("booking_id") + " " + plain(r.get("amount")) + " " + r.get("currency") + " = "
                        + plain(r.get("original_amount")) + " " + r.get("original_currency") + " x "
                        + plain(r.get("fx_rate"))).toList())
                .containsExactly("B1 10800 USD = 10000 EUR x 1.08", "B2 5879.63 EUR = 5000 GBP x 1.17592592593");
        // booked ties to credited in the booking's currency; usage nobody owns is shown, not paid
        assertThat(jdbc.queryForList("""
                SELECT stage, currency, row_count, amount FROM control_total WHERE pay_period = '2026-10'
                AND stage IN ('booked_acv', 'credited_acv_booked_currency', 'credited_acv', 'usage_unowned')
                ORDER BY stage, currency""").stream().map(r -> r.get("stage") + " " + r.get("currency") + " "
                + r.get("row_count") + " " + plain(r.get("amount"))).toList())
                .containsExactly("booked_acv EUR 1 10000", "booked_acv GBP 1 5000",
                        "credited_acv EUR 1 5879.63", "credited_acv USD 1 10800",
                        "credited_acv_booked_currency EUR 1 10000", "credited_acv_booked_currency GBP 1 5000",
                        "usage_unowned USD 1 500");

        // November. EUR is 1.10 now; October's rate cannot be changed (1.09 rejected).
        // A1: B3 EUR 10,000 x 1.10 = USD 11,000.00 x 10 % = 1,100.00; B1 keeps October's 1.08: 1,080.00.
        // Earned to date 2,180.00 - paid 1,080.00 = 1,100.00.
        // C1: ACC-1 baseline (11,000 + 12,000 + 15,000) / 3 = 12,666.67, growth 15,000 - 12,666.67 = 2,333.33
        // x 5 % = 116.6665 -> 116.67. ACC-2 was handed over on 15 November: its November usage is not C1's.
        // Earned to date 200.00 + 54.00 + 116.67 = 370.67 - paid 254.00 = 116.67; the bonus was paid already.
        CliRun nov = CliRun.close("2026-11", november, out, url);
        assertThat(nov.exitCode()).as(nov.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,A1,2026-11,COMMISSION,1100.00,USD",
                "E3,C1,2026-11,COMMISSION,116.67,USD");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-11.csv"))).contains(
                "fx_rates.csv,3,rate_to_usd,differs from the rate 1.08 an earlier close used for EUR 2026-10; "
                        + "a rate once used is not changed,1.09");

        // every usage line says how it was measured, so Cora can recompute it
        assertThat(jdbc.queryForList("""
                SELECT source_id, source_period, credit, amount, why FROM earning_line
                WHERE pay_period = '2026-11' AND rep_id = 'C1' ORDER BY line_no""").stream()
                .map(r -> r.get("source_id") + " " + r.get("source_period") + " " + plain(r.get("credit")) + " "
                        + plain(r.get("amount")) + " | " + r.get("why")).toList())
                .containsExactly(
                        "ACC-1 2026-10 4000 200 | USD usage 2026-10 15000.00 − baseline 11000.00 (average of 2026-07 "
                                + "to 2026-09) = growth 4000.00",
                        "ACC-2 2026-10 1080 54 | EUR usage 2026-10 1000.00 − baseline 0.00 (average of 2026-07 to "
                                + "2026-09) = growth 1000.00 × 1.08 = USD 1080.00",
                        "ACC-1 2026-11 2333.33 116.67 | USD usage 2026-11 15000.00 − baseline 12666.67 (average of "
                                + "2026-08 to 2026-10) = growth 2333.33");
        assertThat(jdbc.queryForObject("""
                SELECT why FROM earning_line WHERE pay_period = '2026-11' AND rep_id = 'A1' AND source_id = 'B3'
                """, String.class)).isEqualTo("ACV EUR 10000 × 1.1 = USD 11000.00");

        String cora = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/C1.pdf")));
        assertThat(cora).contains("USD 116.67", "ACC-1 consumption-growth: USD usage 2026-11 15000.00 − baseline",
                "12666.67 (average of 2026-08 to 2026-10) = growth 2333.33", "2,333.33 5 % 116.67");
        String ada = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/A1.pdf")));
        assertThat(ada).contains("USD 1,100.00", "ACV EUR 10000 × 1.1 = USD 11000.00");
    }

    private Path inbox(String period, Map<String, String> files) throws Exception {
        return TestInbox.write(work, period, REPS, PLANS, files);
    }
}
