package io.compclose.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;
import io.compclose.system.AtomicFiles;

/** The shipped ADP-style layout and a hand-written one, over rows whose file is written out by hand. */
class PayrollLayoutTests {

    private static final Path ADP = Path.of("jobs/payroll-layouts/adp.yaml");
    /** Every date field, a constant and a currency column. */
    private static final String SAGE = """
            columns:
              - {header: Employee, field: employee_id}
              - {header: From, field: period_start, format: dd.MM.yyyy}
              - {header: To, field: period_end}
              - {header: Period, field: pay_period}
              - {header: Code, field: earning_code}
              - {header: Note, value: ""}
              - {header: Value, field: amount}
              - {header: Ccy, field: currency}
            """;

    @TempDir
    Path dir;

    private static PayoutRow row(String employee, String rep, String code, String amount, String currency) {
        return new PayoutRow(employee, rep, "2026-10", code, new BigDecimal(amount), currency);
    }

    private static final List<PayoutRow> ROWS = List.of(
            row("E1", "R1", "COMMISSION", "960.00", "USD"),
            row("E1", "R1", "SPIFF", "250", "USD"),
            row("E2", "R2", "CLAWBACK", "-120.50", "USD"),
            row("E3", "R3", "COMMISSION", "700.00", "EUR"));

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void theAdpLayoutMapsTheRowsPaidInUsdToItsColumnsAndCodes() {
        PayrollLayout adp = PayrollLayoutFile.read(ADP);

        PayrollFile file = PayrollFile.of(adp, "payroll-2026-10", "2026-10", ROWS, 1);

        assertThat(file.csvName()).isEqualTo("payroll-2026-10.adp.csv");
        assertThat(file.controlName()).isEqualTo("payroll-2026-10.adp.ctl");
        assertThat(text(file.csv())).isEqualTo(
                "Co Code,Batch ID,File #,Rep ID,Pay period end date,Earnings 3 Code,Earnings 3 Amount\r\n"
                        + "XYZ,COMM2610,E1,R1,10/31/2026,C,960.00\r\n"
                        + "XYZ,COMM2610,E1,R1,10/31/2026,S,250.00\r\n"
                        + "XYZ,COMM2610,E2,R2,10/31/2026,CB,-120.50\r\n");
        // USD 960.00 + 250.00 - 120.50 = 1,089.50; R3's EUR row is only in the generic file
        assertThat(text(file.control())).isEqualTo("file=payroll-2026-10.adp.csv\nlayout=adp\npay_period=2026-10\n"
                + "currency=USD\nrows_in_other_currencies=1\nrow_count=3\ntotal_USD=1089.50\nsha256="
                + AtomicFiles.sha256(file.csv()) + "\n");
        assertThat(file.totalsAsWritten()).isEqualTo(file.totals());
    }

    @Test
    void aCorrectionFileInALayoutSaysItCarriesDifferences() {
        PayrollFile file = PayrollFile.of(PayrollLayoutFile.read(ADP), "payroll-2026-10-r2", "2026-10",
                List.of(row("E2", "R2", "COMMISSION", "-2000.00", "USD")), 2);

        assertThat(file.csvName()).isEqualTo("payroll-2026-10-r2.adp.csv");
        assertThat(text(file.csv())).endsWith("\r\nXYZ,COMM2610,E2,R2,10/31/2026,C,-2000.00\r\n");
        assertThat(text(file.control())).isEqualTo("file=payroll-2026-10-r2.adp.csv\nlayout=adp\n"
                + "pay_period=2026-10\ncurrency=USD\nrows_in_other_currencies=0\nrevision=2\n"
                + "amounts=differences against the payroll files of 2026-10 already sent\nrow_count=1\n"
                + "total_USD=-2000.00\nsha256=" + AtomicFiles.sha256(file.csv()) + "\n");
    }

    @Test
    void aLayoutWithACurrencyColumnTakesEveryRowAndTotalsPerCurrency() throws IOException {
        Path layout = write("sage.yaml", SAGE);

        PayrollFile file = PayrollFile.of(PayrollLayoutFile.read(layout), "payroll-2026-10", "2026-10", ROWS, 1);

        assertThat(text(file.csv())).isEqualTo("Employee,From,To,Period,Code,Note,Value,Ccy\r\n"
                + "E1,01.10.2026,2026-10-31,2026-10,COMMISSION,,960.00,USD\r\n"
                + "E1,01.10.2026,2026-10-31,2026-10,SPIFF,,250.00,USD\r\n"
                + "E2,01.10.2026,2026-10-31,2026-10,CLAWBACK,,-120.50,USD\r\n"
                + "E3,01.10.2026,2026-10-31,2026-10,COMMISSION,,700.00,EUR\r\n");
        assertThat(text(file.control())).isEqualTo("file=payroll-2026-10.sage.csv\nlayout=sage\npay_period=2026-10\n"
                + "row_count=4\ntotal_EUR=700.00\ntotal_USD=1089.50\nsha256=" + AtomicFiles.sha256(file.csv()) + "\n");
        assertThat(file.totalsAsWritten()).isEqualTo(file.totals());
    }

    @Test
    void aSemiMonthlyPeriodWritesItsOwnFirstAndLastDayAndItsName() throws IOException {
        Path layout = write("sage.yaml", SAGE);
        PayPeriod secondHalf = new PaySchedule(PaySchedule.Frequency.SEMI_MONTHLY, null).named("2026-10-31")
                .orElseThrow();
        List<PayoutRow> rows = List.of(new PayoutRow("E1", "R1", "2026-10-31", "COMMISSION", new BigDecimal("500.00"),
                "USD"));

        PayrollFile file = PayrollFile.of(PayrollLayoutFile.read(layout), "payroll-2026-10-31", secondHalf, rows, 1);

        // 16 to 31 October, named by its last day
        assertThat(text(file.csv())).isEqualTo("Employee,From,To,Period,Code,Note,Value,Ccy\r\n"
                + "E1,16.10.2026,2026-10-31,2026-10-31,COMMISSION,,500.00,USD\r\n");
        assertThat(file.csvName()).isEqualTo("payroll-2026-10-31.sage.csv");
        assertThat(text(file.control())).contains("pay_period=2026-10-31\n");
    }

    @Test
    void everyTextCellIsNeutralisedAndTheAmountStaysANumber() {
        List<PayoutRow> hostile = List.of(
                row("=HYPERLINK(\"http://x\",\"y\")", "+1+2", "COMMISSION", "-5.00", "USD"),
                row("-cmd", "@SUM(A1:A2)", "BONUS", "10.00", "USD"));

        PayrollFile adp = PayrollFile.of(PayrollLayoutFile.read(ADP), "payroll-2026-10", "2026-10", hostile, 1);
        PayrollFile generic = PayrollFile.of("2026-10", hostile);

        assertThat(text(adp.csv())).endsWith("\r\n"
                + "XYZ,COMM2610,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1+2,10/31/2026,C,-5.00\r\n"
                + "XYZ,COMM2610,'-cmd,'@SUM(A1:A2),10/31/2026,B,10.00\r\n");
        assertThat(text(generic.csv())).endsWith("\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1+2,2026-10,COMMISSION,-5.00,USD\r\n"
                + "'-cmd,'@SUM(A1:A2),2026-10,BONUS,10.00,USD\r\n");
        assertThat(adp.totalsAsWritten()).containsEntry("USD", new BigDecimal("5.00"));
    }

    @Test
    void constantsAndPayrollCodesAreNeutralisedToo() throws IOException {
        Path layout = write("odd.yaml", """
                currency: USD
                columns:
                  - {header: Batch, value: "=1+1"}
                  - header: Code
                    field: earning_code
                    codes: {COMMISSION: "-C", ACCELERATOR: A, BONUS: B, SPIFF: S, TEAM_POOL: T, MBO: M, DRAW: D,
                            DRAW_RECOVERY: R, CLAWBACK: K, ADJUSTMENT: J}
                  - {header: Amount, field: amount}
                """);

        PayrollFile file = PayrollFile.of(PayrollLayoutFile.read(layout), "payroll-2026-10", "2026-10",
                List.of(row("E1", "R1", "COMMISSION", "1.00", "USD")), 1);

        assertThat(text(file.csv())).isEqualTo("Batch,Code,Amount\r\n'=1+1,'-C,1.00\r\n");
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }
}
