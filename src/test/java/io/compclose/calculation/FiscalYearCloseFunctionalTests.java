package io.compclose.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.core.calculation.FiscalYearCloseTests;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * January and February closed through the command line with a pay calendar whose plan year starts in
 * February: January settles FY2026, February starts FY2027 from nothing, kpis.csv names the fiscal quarter,
 * and a broken calendar stops the close before it starts. Figures computed by hand in the comments.
 */
class FiscalYearCloseFunctionalTests {

    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            R1,Fay Fiscal,E1,fay@example.com,AE,,West,AE-FY,USD,2025-02-01,
            """;
    /** 10 % up to the year's quota of 100,000, 20 % above it. */
    private static final String PLANS = FiscalYearCloseTests.YEARLY;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void februaryStartsTheNewPlanYearFromNothingAndKpisNameItsQuarters(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_fiscal_year");
        Path calendar = work.resolve("pay-calendar.yaml");
        Files.writeString(calendar, "fiscal_year_start: FEBRUARY\n");
        String withCalendar = "--compclose.pay-calendar=" + calendar;
        Path january = TestInbox.write(work, "2026-01", REPS, PLANS, Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER
                + "K1,2026-01-10,A1,Alpha,R1,NEW,PLATFORM,80000,,12,USD,,\n"));
        Path february = TestInbox.write(work, "2026-02", REPS, PLANS, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER + "K2,2026-02-05,A2,Beta,R1,NEW,PLATFORM,50000,,12,USD,,\n",
                "kpis.csv", "rep_id,period,metric,value\n"
                        + "R1,2026-Q1,KPI:NPS,50\n"
                        + "R1,FY2027-Q1,KPI:NPS,50\n"));

        // January, the last month of FY2026 (February 2025 to January 2026): 80,000 x 10 % = 8,000.00
        CliRun jan = CliRun.close("2026-01", january, out, url, withCalendar);
        assertThat(jan.exitCode()).as(jan.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-01.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-01,COMMISSION,8000.00,USD");

        // February starts FY2027: K2 alone, 50,000 x 10 % = 5,000.00, nothing paid before in the year. (Under
        // the calendar year, 130,000 would be 100,000 x 10 % + 30,000 x 20 % = 16,000 - 8,000 paid = 8,000.)
        CliRun feb = CliRun.close("2026-02", february, out, url, withCalendar);
        assertThat(feb.exitCode()).as(feb.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-02.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1,R1,2026-02,COMMISSION,5000.00,USD");
        String statement = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-02/R1.pdf")));
        assertThat(statement).contains("Earned this period 5,000.00 + earlier in FY2027 0.00 = earned to date "
                + "5,000.00 USD.");

        // a calendar quarter is no period of a fiscal year; the fiscal quarter begun by February is
        assertThat(feb.out()).contains("Rejected input rows: 1 (kpis.csv 1)");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-02.csv"))).contains(
                "kpis.csv,2,period,\"not a period YYYY-MM or FYyyyy-Qn (the plan year's quarter, e.g. FY2027-Q1)\","
                        + "2026-Q1");

        // each close records where its year to date was measured from
        assertThat(new CloseFixture(out, url, false).jdbc().queryForList(
                "SELECT pay_period, plan_year_start FROM close_period ORDER BY pay_period"))
                .extracting(row -> row.get("PAY_PERIOD") + " " + row.get("PLAN_YEAR_START"))
                .containsExactly("2026-01 2025-02", "2026-02 2026-02");

        // a calendar moved to July in the middle of FY2027 would re-measure February's paid year to date: refused
        Path july = work.resolve("july.yaml");
        Files.writeString(july, "fiscal_year_start: JULY\n");
        Path march = TestInbox.write(work, "2026-03", REPS, PLANS, Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER));
        CliRun moved = CliRun.close("2026-03", march, out, url, "--compclose.pay-calendar=" + july);
        assertThat(moved.exitCode()).as(moved.toString()).isEqualTo(2);
        assertThat(moved.err()).contains("compclose: pay calendar " + july + " (compclose.pay-calendar): puts "
                + "2026-02 in the plan year from 2025-07, but its close measured the year to date from 2026-02. "
                + "Change fiscal_year_start only between two plan years",
                "Fix the pay calendar (or compclose.pay-calendar) and run the same command again.");
    }

    @Test
    void aBrokenPayCalendarStopsTheCloseBeforeItStarts() throws Exception {
        Path out = work.resolve("out");
        Path calendar = work.resolve("pay-calendar.yaml");
        Files.writeString(calendar, "fiscal_year_start: 2\n");
        Path inbox = TestInbox.write(work, "2026-02", REPS, PLANS, Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER
                + "K2,2026-02-05,A2,Beta,R1,NEW,PLATFORM,50000,,12,USD,,\n"));

        CliRun refused = CliRun.close("2026-02", inbox, out, TestDatabases.h2(out),
                "--compclose.pay-calendar=" + calendar);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("compclose: pay calendar " + calendar + " (compclose.pay-calendar): "
                        + "1 problem(s): " + calendar + ": fiscal_year_start: '2' is not a month",
                "Fix the pay calendar (or compclose.pay-calendar) and run the same command again.");
        assertThat(CloseFixture.onH2(out, false).count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
    }
}
