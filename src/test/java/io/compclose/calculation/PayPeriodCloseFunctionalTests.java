package io.compclose.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.core.calculation.PayPeriodCloseTests;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * October closed in two halves on a semi-monthly pay calendar, through the command line: each half is a
 * period of its own, named by its last day, with its own payroll file, statements, lock and job instance;
 * the second half pays what October earned since the first. Figures computed by hand in the comments.
 */
class PayPeriodCloseFunctionalTests {

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            R1,Sam Semi,E1,sam@example.com,AE,,West,AE-SM,USD,2026-01-01,
            """;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void eachHalfOfOctoberIsAPeriodOfItsOwn(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_pay_periods");
        Path calendar = work.resolve("pay-calendar.yaml");
        Files.writeString(calendar, "fiscal_year_start: JANUARY\nfrequency: SEMI_MONTHLY\n");
        String semiMonthly = "--compclose.pay-calendar=" + calendar;
        Path firstHalf = TestInbox.write(work, "2026-10-15", REPS, PayPeriodCloseTests.MONTHLY_QUOTA,
                Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER + "K1,2026-10-05,A1,Alpha,R1,NEW,PLATFORM,15000,,12,USD,,\n"));
        Path secondHalf = TestInbox.write(work, "2026-10-31", REPS, PayPeriodCloseTests.MONTHLY_QUOTA,
                Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER
                        + "K2,2026-10-20,A2,Beta,R1,NEW,PLATFORM,10000,,12,USD,,\n"
                        + "K3,2026-11-02,A3,Gamma,R1,NEW,PLATFORM,9000,,12,USD,,\n"));

        // a month is no period of a semi-monthly calendar: the refusal names the two that are
        CliRun month = CliRun.close("2026-10", firstHalf, out, url, semiMonthly);
        assertThat(month.exitCode()).as(month.toString()).isEqualTo(2);
        assertThat(month.err()).contains("compclose: 2026-10: not a pay period of the semi-monthly pay "
                + "calendar " + calendar + " (compclose.pay-calendar); its periods ending in October 2026 are "
                + "2026-10-15, 2026-10-31");

        // 1 to 15 October: 15,000 of the month's 20,000 quota at 10 % = 1,500.00; K1's SPIFF 200.00
        CliRun early = CliRun.close("2026-10-15", firstHalf, out, url, semiMonthly);
        assertThat(early.exitCode()).as(early.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-15.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-10-15,COMMISSION,1500.00,USD",
                "E1,R1,2026-10-15,SPIFF,200.00,USD");
        assertThat(Files.readString(out.resolve("payroll/payroll-2026-10-15.ctl"))).contains("pay_period=2026-10-15");
        assertThat(Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10-15/R1.pdf"))))
                .contains("1–15 October 2026");

        // 16 to 31 October: 25,000 is 20,000 x 10 % + 5,000 x 20 % = 3,000.00 earned in October, 1,500.00 paid on
        // the 15th: 1,500.00 now, of which the accelerator's uplift 5,000 x (20 % - 10 %) = 500.00; K2's SPIFF
        // alone. K3 is November's.
        CliRun late = CliRun.close("2026-10-31", secondHalf, out, url, semiMonthly);
        assertThat(late.exitCode()).as(late.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-31.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-10-31,ACCELERATOR,500.00,USD",
                "E1,R1,2026-10-31,COMMISSION,1000.00,USD",
                "E1,R1,2026-10-31,SPIFF,200.00,USD");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-10-31.csv"))).anyMatch(line -> line.startsWith(
                "bookings.csv,3,booked_on,outside the pay period 2026-10-31"));
        assertThat(Files.exists(out.resolve("statements/2026-10-31/R1.pdf"))).isTrue();

        // the second half's close locked the first, whose true-up it starts from
        CloseFixture db = new CloseFixture(out, url, false);
        assertThat(db.jdbc().queryForList("SELECT pay_period, locked_at FROM close_period ORDER BY pay_period"))
                .extracting(row -> row.get("PAY_PERIOD") + " " + (row.get("LOCKED_AT") != null))
                .containsExactly("2026-10-15 true", "2026-10-31 false");
        assertThat(db.jdbc().queryForList("SELECT pay_period, first_day, last_day FROM pay_period_span "
                + "ORDER BY pay_period")).extracting(row -> row.get("PAY_PERIOD") + " " + row.get("FIRST_DAY") + " "
                + row.get("LAST_DAY")).containsExactly("2026-10-15 2026-10-01 2026-10-15",
                "2026-10-31 2026-10-16 2026-10-31");
        // each half is a job instance of its own, so running one again restarts it and pays nothing twice
        assertThat(db.jdbc().queryForList("SELECT p.parameter_value FROM BATCH_JOB_EXECUTION_PARAMS p "
                + "WHERE p.parameter_name = 'period' ORDER BY p.parameter_value", String.class))
                .containsExactly("2026-10-15", "2026-10-31");
        CliRun again = CliRun.close("2026-10-31", secondHalf, out, url, semiMonthly);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("2026-10-31 already completed on ");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-31.csv"))).hasSize(4);

        List<String> statusArgs = new java.util.ArrayList<>(List.of("status", "--period=2026-10-15", "--out=" + out,
                semiMonthly));
        if (!url.startsWith("jdbc:h2:")) {
            statusArgs.add("--spring.datasource.url=" + url);
        }
        CliRun status = CliRun.of(statusArgs);
        assertThat(status.out()).contains("Period 2026-10-15", "locked");

        // back to monthly pay in the middle of 2026 would count its draws and statements otherwise: refused
        Path monthly = work.resolve("monthly.yaml");
        Files.writeString(monthly, "fiscal_year_start: JANUARY\nfrequency: MONTHLY\n");
        Path november = TestInbox.write(work, "2026-11", REPS, PayPeriodCloseTests.MONTHLY_QUOTA,
                Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER));
        CliRun switched = CliRun.close("2026-11", november, out, url, "--compclose.pay-calendar=" + monthly,
                "--allow-empty=bookings");
        assertThat(switched.exitCode()).as(switched.toString()).isEqualTo(2);
        assertThat(switched.err()).contains("compclose: pay calendar " + monthly + " (compclose.pay-calendar): pays "
                + "monthly, but 2026-10-31 of the same plan year 2026 was closed on another frequency. Change "
                + "frequency only between two plan years");
    }

    /**
     * The sample October (100 bookings, with their mistakes) closed in two halves pays each rep, in each currency,
     * exactly what the month closed whole pays: the second half trues the month up from what the first paid.
     */
    @Test
    void theSampleOctoberInTwoHalvesPaysWhatTheWholeMonthPays() throws Exception {
        Path calendar = work.resolve("pay-calendar.yaml");
        Files.writeString(calendar, "frequency: semi-monthly\nfiscal_year_start: JANUARY\n");
        Path sample = Path.of("jobs/samples/inbox/2026-10");
        Path halves = work.resolve("halves");
        for (String[] half : new String[][] {{"2026-10-15", "1", "15"}, {"2026-10-31", "16", "31"}}) {
            closeApproved(half[0], splitInbox(sample, work.resolve(half[0]), Integer.parseInt(half[1]),
                    Integer.parseInt(half[2])), halves, "--compclose.pay-calendar=" + calendar);
        }
        Path whole = work.resolve("whole");
        closeApproved("2026-10", sample, whole);

        Map<String, BigDecimal> inHalves = paidByRep(halves.resolve("payroll/payroll-2026-10-15.csv"));
        paidByRep(halves.resolve("payroll/payroll-2026-10-31.csv")).forEach((k, v) -> inHalves.merge(k, v,
                BigDecimal::add));
        Map<String, BigDecimal> inOne = paidByRep(whole.resolve("payroll/payroll-2026-10.csv"));
        assertThat(inHalves).isEqualTo(inOne);
        // the totals the close reported: EUR 35,346.25 + 45,437.27 = 80,783.52, USD 96,480.13 + 140,340.33 =
        // 236,820.46
        assertThat(inOne.entrySet().stream().filter(e -> e.getKey().endsWith(" EUR")).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("80783.52");
        assertThat(inOne.entrySet().stream().filter(e -> e.getKey().endsWith(" USD")).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("236820.46");
    }

    /**
     * Bi-weekly runs of fourteen days from Monday 5 January 2026: 12 to 25 October closes October; 26 October to
     * 8 November pays a deal of 28 October in October's window and one of 2 November in November's.
     */
    @Test
    void aBiWeeklyRunAcrossTheMonthsEndPaysEachDealInItsMonth() throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.h2(out);
        Path calendar = work.resolve("pay-calendar.yaml");
        Files.writeString(calendar, "fiscal_year_start: JANUARY\nfrequency: BI_WEEKLY\nanchor: 2026-01-05\n");
        String biWeekly = "--compclose.pay-calendar=" + calendar;
        Path closing = TestInbox.write(work, "2026-10-25", REPS, PayPeriodCloseTests.MONTHLY_QUOTA,
                Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER + "K1,2026-10-12,A1,Alpha,R1,NEW,PLATFORM,15000,,12,USD,,\n"));
        Path across = TestInbox.write(work, "2026-11-08", REPS, PayPeriodCloseTests.MONTHLY_QUOTA,
                Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER
                        + "K2,2026-10-28,A2,Beta,R1,NEW,PLATFORM,10000,,12,USD,,\n"
                        + "K3,2026-11-02,A3,Gamma,R1,NEW,PLATFORM,5000,,12,USD,,\n"));

        // 12 to 25 October: 15,000 x 10 % = 1,500.00 and K1's SPIFF
        CliRun october = CliRun.close("2026-10-25", closing, out, url, biWeekly);
        assertThat(october.exitCode()).as(october.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-25.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-10-25,COMMISSION,1500.00,USD",
                "E1,R1,2026-10-25,SPIFF,200.00,USD");

        // October's 25,000 = 20,000 x 10 % + 5,000 x 20 % = 3,000.00 (1,500.00 more, 500.00 of it the accelerator's
        // uplift), November's 5,000 x 10 % = 500.00: 2,000.00 in all; K2's and K3's SPIFFs
        CliRun november = CliRun.close("2026-11-08", across, out, url, biWeekly);
        assertThat(november.exitCode()).as(november.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11-08.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-11-08,ACCELERATOR,500.00,USD",
                "E1,R1,2026-11-08,COMMISSION,1500.00,USD",
                "E1,R1,2026-11-08,SPIFF,400.00,USD");
        assertThat(Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11-08/R1.pdf"))))
                .contains("26 October–8 November 2026");
    }

    /**
     * Usage delivered in each half of October: the second half's usage.csv re-delivers a row of the first with a
     * corrected revenue, which replaces it, and adds one; the CSM is paid 5 % of October's usage to date.
     */
    @Test
    void usageDeliveredInTheFirstHalfIsReplacedByItsRedeliveryInTheSecond() throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.h2(out);
        Path calendar = work.resolve("pay-calendar.yaml");
        Files.writeString(calendar, "fiscal_year_start: JANUARY\nfrequency: SEMI_MONTHLY\n");
        String semiMonthly = "--compclose.pay-calendar=" + calendar;
        String reps = """
                rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
                C1,Cora Csm,E3,cora@example.com,CSM,,West,CSM-USE,USD,2026-01-01,
                """;
        String plan = """
                plan: CSM-USE
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components: [{id: consumption, metric: USAGE_REVENUE, rate: 0.05}]
                """;
        String owners = "account_id,rep_id,role,effective_from,effective_to\nACC-1,C1,CSM,2026-10-01,\n";
        String usage = "usage_id,account_id,product,usage_month,quantity,unit,revenue,currency\n";
        Path firstHalf = TestInbox.write(work, "2026-10-15", reps, plan, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER, "account_owners.csv", owners,
                "usage.csv", usage + "U1,ACC-1,COMPUTE,2026-10,,,10000,USD\n"));
        Path secondHalf = TestInbox.write(work, "2026-10-31", reps, plan, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER, "account_owners.csv", owners,
                "usage.csv", usage + "U1,ACC-1,COMPUTE,2026-10,,,12000,USD\nU2,ACC-1,COMPUTE,2026-10,,,3000,USD\n"));

        // 1 to 15 October: 10,000 x 5 % = 500.00
        CliRun early = CliRun.close("2026-10-15", firstHalf, out, url, semiMonthly, "--allow-empty=bookings");
        assertThat(early.exitCode()).as(early.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-15.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E3,C1,2026-10-15,COMMISSION,500.00,USD");

        // 16 to 31 October: U1 is now 12,000 (replacing 10,000) and U2 3,000: 15,000 x 5 % = 750.00 - 500.00 paid
        CliRun late = CliRun.close("2026-10-31", secondHalf, out, url, semiMonthly, "--allow-empty=bookings");
        assertThat(late.exitCode()).as(late.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-31.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E3,C1,2026-10-31,COMMISSION,250.00,USD");
    }

    /** Closes the period, approving it for finance when the review gate stops it. */
    private static void closeApproved(String period, Path inbox, Path out, String... options) {
        String url = TestDatabases.h2(out);
        CliRun first = CliRun.close(period, inbox, out, url, options);
        if (first.exitCode() == 3) {
            List<String> approve = new java.util.ArrayList<>(List.of("approve", "--period=" + period, "--by=Fiona",
                    "--out=" + out));
            approve.addAll(List.of(options));
            assertThat(CliRun.of(approve).exitCode()).isZero();
            first = CliRun.close(period, inbox, out, url, options);
        }
        assertThat(first.exitCode()).as(first.toString()).isZero();
    }

    /** A copy of the inbox whose bookings.csv keeps the rows booked from day {@code from} to day {@code to}. */
    private static Path splitInbox(Path sample, Path inbox, int from, int to) throws Exception {
        try (var files = Files.walk(sample)) {
            for (Path file : files.toList()) {
                Path copy = inbox.resolve(sample.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        List<String> lines = Files.readAllLines(sample.resolve("bookings.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf("booked_on");
        List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            String day = cells.length > column && cells[column].length() == 10 ? cells[column].substring(8) : "01";
            int d = day.chars().allMatch(Character::isDigit) ? Integer.parseInt(day) : 1;
            if (d >= from && d <= to) {
                kept.add(line);
            }
        }
        Files.write(inbox.resolve("bookings.csv"), kept);
        return inbox;
    }

    /** What a payroll file pays each rep in each currency ("R001 USD"), whatever the earning codes. */
    private static Map<String, BigDecimal> paidByRep(Path payroll) throws Exception {
        Map<String, BigDecimal> paid = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(payroll).subList(1, Files.readAllLines(payroll).size())) {
            String[] cells = line.split(",");
            paid.merge(cells[1] + " " + cells[5], new BigDecimal(cells[4]), BigDecimal::add);
        }
        return paid;
    }
}
