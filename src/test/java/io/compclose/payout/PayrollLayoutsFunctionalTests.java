package io.compclose.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;
import io.compclose.system.AtomicFiles;

/**
 * The payroll files of a close through the command line with the shipped ADP-style layout configured:
 * the same bytes from the same inbox on another database, formula cells from the roster neutralised in
 * every layout, correction files in every layout, and a broken layout refused before the close starts.
 */
class PayrollLayoutsFunctionalTests {

    private static final String ADP = "--compclose.payroll.layouts=jobs/payroll-layouts/adp.yaml";

    /**
     * Employee ids a spreadsheet would run as formulas: intake takes them, as an HR system may send them
     * (rep ids that begin so are refused, since they also name the rep's files).
     */
    private static final String REPS = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            P1+2,Pat Plus,"=HYPERLINK(""http://x"",""y"")",pat@example.com,AE,,West,AE-10,USD,2026-01-01,
            Mcmd,Max Minus,-E2,max@example.com,AE,,West,AE-10,USD,2026-01-01,
            ASUM,Al At,@E3,al@example.com,AE,,West,AE-10,USD,2026-01-01,
            """;
    private static final String PLANS = TestInbox.AE_10_PLAN;

    @TempDir
    Path work;

    @Test
    void theSamePeriodClosedTwiceFromTheSameInboxWritesTheSamePayrollBytes() throws Exception {
        // given two fresh output folders and databases, one embedded H2, one MariaDB
        CloseFixture first = CloseFixture.onH2(work.resolve("first"), false);
        CloseFixture second = new CloseFixture(work.resolve("second"),
                TestDatabases.freshMariaDb("compclose_payroll_bytes"), false);

        // when the sample period is closed in each, a while apart
        CliRun one = CliRun.of(first.closeArgs(ADP));
        CliRun two = CliRun.of(second.closeArgs(ADP));

        // then every payroll file, generic and ADP, data and control, has the same bytes
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(two.exitCode()).as(two.toString()).isZero();
        assertThat(payrollFiles(first.out())).containsExactly("payroll-2026-10.adp.csv", "payroll-2026-10.adp.ctl",
                "payroll-2026-10.csv", "payroll-2026-10.ctl");
        assertThat(payrollFiles(second.out())).isEqualTo(payrollFiles(first.out()));
        for (String name : payrollFiles(first.out())) {
            Path fromFirst = first.out().resolve("payroll").resolve(name);
            Path fromSecond = second.out().resolve("payroll").resolve(name);
            assertThat(Files.readString(fromSecond)).as(name).isEqualTo(Files.readString(fromFirst));
            assertThat(Files.mismatch(fromFirst, fromSecond)).as(name + ": the first byte that differs").isEqualTo(-1L);
        }
        assertThat(one.out()).contains("payroll-2026-10.csv (+ .ctl)", "payroll-2026-10.adp.csv (+ .ctl)");

        // the ADP file has the six reps paid in USD (ops/make-sample-inbox.py); R003 and R004, paid in EUR,
        // are only in the generic file: 58,081.95 + 32,358.14 + 34,799.89 + 53,635.96 + 19,994.21
        // + 37,950.31 = 236,820.46
        Path adp = first.out().resolve("payroll/payroll-2026-10.adp.csv");
        assertThat(Files.readString(adp)).isEqualTo(
                "Co Code,Batch ID,File #,Rep ID,Pay period end date,Earnings 3 Code,Earnings 3 Amount\r\n"
                        + "XYZ,COMM2610,E1001,R001,10/31/2026,C,58081.95\r\n"
                        + "XYZ,COMM2610,E1002,R002,10/31/2026,C,32358.14\r\n"
                        + "XYZ,COMM2610,E1005,R005,10/31/2026,C,34799.89\r\n"
                        + "XYZ,COMM2610,E1006,R006,10/31/2026,C,53635.96\r\n"
                        + "XYZ,COMM2610,E1007,R007,10/31/2026,C,19994.21\r\n"
                        + "XYZ,COMM2610,E1009,R009,10/31/2026,C,37950.31\r\n");
        assertThat(Files.readAllLines(first.out().resolve("payroll/payroll-2026-10.adp.ctl"))).containsExactly(
                "file=payroll-2026-10.adp.csv", "layout=adp", "pay_period=2026-10", "currency=USD",
                "rows_in_other_currencies=2", "row_count=6", "total_USD=236820.46",
                "sha256=" + AtomicFiles.sha256(Files.readAllBytes(adp)));
    }

    @Test
    void formulaIdsFromTheRosterAreNeutralisedInEveryLayoutAndCorrectionsComeInEveryLayout() throws Exception {
        // given reps whose ids a spreadsheet would run, each with one booking at 10 %
        Path out = work.resolve("out");
        Path inbox = TestInbox.write(work.resolve("original"), "2026-10", REPS, PLANS, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER
                        + "K1,2026-10-05,AC1,Acme,P1+2,NEW,PLATFORM,10000,,12,USD,,\n"
                        + "K2,2026-10-06,AC2,Beta,Mcmd,NEW,PLATFORM,20000,,12,USD,,\n"
                        + "K3,2026-10-07,AC3,Gamma,ASUM,NEW,PLATFORM,30000,,12,USD,,\n"));

        // when the period is closed
        CliRun close = close(inbox, out);

        // then 1,000.00, 2,000.00 and 3,000.00 are paid, each employee id a cell a spreadsheet shows as text, in
        // employee id order; the amounts stay numbers
        assertThat(close.exitCode()).as(close.toString()).isZero();
        Path payroll = out.resolve("payroll");
        byte[] generic = Files.readAllBytes(payroll.resolve("payroll-2026-10.csv"));
        byte[] adp = Files.readAllBytes(payroll.resolve("payroll-2026-10.adp.csv"));
        assertThat(new String(generic, StandardCharsets.UTF_8)).isEqualTo(
                "employee_id,rep_id,pay_period,earning_code,amount,currency\r\n"
                        + "'-E2,Mcmd,2026-10,COMMISSION,2000.00,USD\r\n"
                        + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",P1+2,2026-10,COMMISSION,1000.00,USD\r\n"
                        + "'@E3,ASUM,2026-10,COMMISSION,3000.00,USD\r\n");
        assertThat(new String(adp, StandardCharsets.UTF_8)).isEqualTo(
                "Co Code,Batch ID,File #,Rep ID,Pay period end date,Earnings 3 Code,Earnings 3 Amount\r\n"
                        + "XYZ,COMM2610,'-E2,Mcmd,10/31/2026,C,2000.00\r\n"
                        + "XYZ,COMM2610,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",P1+2,10/31/2026,C,1000.00\r\n"
                        + "XYZ,COMM2610,'@E3,ASUM,10/31/2026,C,3000.00\r\n");

        // when the CRM corrects K2 to 25,000 and the period is revised
        Path corrected = TestInbox.write(work.resolve("corrected"), "2026-10", REPS, PLANS, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER
                        + "K1,2026-10-05,AC1,Acme,P1+2,NEW,PLATFORM,10000,,12,USD,,\n"
                        + "K2,2026-10-06,AC2,Beta,Mcmd,NEW,PLATFORM,25000,,12,USD,,\n"
                        + "K3,2026-10-07,AC3,Gamma,ASUM,NEW,PLATFORM,30000,,12,USD,,\n"));
        CliRun revision = close(corrected, out, "--revise");

        // then each layout gets a correction file of the one difference, 2,500.00 - 2,000.00 = 500.00, and the
        // files payroll already has are not touched
        assertThat(revision.exitCode()).as(revision.toString()).isZero();
        assertThat(Files.readAllLines(payroll.resolve("payroll-2026-10-r2.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "'-E2,Mcmd,2026-10,COMMISSION,500.00,USD");
        assertThat(Files.readAllLines(payroll.resolve("payroll-2026-10-r2.adp.csv"))).containsExactly(
                "Co Code,Batch ID,File #,Rep ID,Pay period end date,Earnings 3 Code,Earnings 3 Amount",
                "XYZ,COMM2610,'-E2,Mcmd,10/31/2026,C,500.00");
        assertThat(Files.readAllLines(payroll.resolve("payroll-2026-10-r2.adp.ctl"))).contains(
                "file=payroll-2026-10-r2.adp.csv", "layout=adp", "revision=2",
                "amounts=differences against the payroll files of 2026-10 already sent", "row_count=1",
                "total_USD=500.00");
        assertThat(Files.readAllBytes(payroll.resolve("payroll-2026-10.csv"))).isEqualTo(generic);
        assertThat(Files.readAllBytes(payroll.resolve("payroll-2026-10.adp.csv"))).isEqualTo(adp);
    }

    @Test
    void aBrokenLayoutStopsTheCloseBeforeItStartsAndTheSameCommandRunsOnceItIsFixed() throws Exception {
        // given a layout with a misspelt field and no amount column
        Path out = work.resolve("out");
        Path inbox = TestInbox.write(work, "2026-10", REPS, PLANS, Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER
                + "K2,2026-10-06,AC2,Beta,Mcmd,NEW,PLATFORM,20000,,12,USD,,\n"));
        Path layout = work.resolve("layouts/payslip.yaml");
        Files.createDirectories(layout.getParent());
        Files.writeString(layout, """
                currency: USD
                columns:
                  - {header: Employee, field: employe_id}
                  - {header: Pay, field: pay_period}
                """);
        List<String> args = List.of("close", "--period=2026-10", "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false", "--compclose.payroll.layouts=" + layout);

        // when the close runs
        CliRun refused = CliRun.of(args);

        // then it stops with exit 2 and both problems, naming the file and the field, before any step runs
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("compclose: 2 problem(s) in payroll layout " + layout + ": ",
                layout + ": columns[0].field: unknown field 'employe_id' (known: employee_id, rep_id,",
                layout + ": columns: no column has field: amount",
                "Fix the layout file (or compclose.payroll.layouts) and run the same command again.");
        assertThat(CloseFixture.onH2(out, false).count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();

        // when the layout is fixed, the same command closes the period with the layout's file
        Files.writeString(layout, """
                currency: USD
                columns:
                  - {header: Employee, field: employee_id}
                  - {header: Pay, field: amount}
                """);
        CliRun fixed = CliRun.of(args);
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.payslip.csv")))
                .containsExactly("Employee,Pay", "'-E2,2000.00");
    }

    private static List<String> payrollFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("payroll"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static CliRun close(Path inbox, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("close", "--period=2026-10", "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false", ADP));
        args.addAll(List.of(extra));
        return CliRun.of(args);
    }
}
