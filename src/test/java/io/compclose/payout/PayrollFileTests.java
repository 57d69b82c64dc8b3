package io.compclose.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.system.AtomicFiles;

class PayrollFileTests {

    private static PayoutRow row(String employee, String rep, String amount, String currency) {
        return new PayoutRow(employee, rep, "2026-10", "COMMISSION", new BigDecimal(amount), currency);
    }

    @Test
    void writesRowsTotalsAndTheChecksum() {
        PayrollFile file = PayrollFile.of("2026-10", List.of(row("E1", "R1", "960.00", "USD"),
                row("E2", "R2", "2000.5", "USD"), row("E3", "R3", "-12.34", "EUR")));
        String csv = new String(file.csv(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("employee_id,rep_id,pay_period,earning_code,amount,currency\r\n"
                + "E1,R1,2026-10,COMMISSION,960.00,USD\r\n"
                + "E2,R2,2026-10,COMMISSION,2000.50,USD\r\n"
                + "E3,R3,2026-10,COMMISSION,-12.34,EUR\r\n");
        // USD 960.00 + 2,000.50 = 2,960.50 ; EUR -12.34
        assertThat(new String(file.control(), StandardCharsets.UTF_8)).isEqualTo("file=payroll-2026-10.csv\n"
                + "pay_period=2026-10\nrow_count=3\ntotal_EUR=-12.34\ntotal_USD=2960.50\nsha256="
                + AtomicFiles.sha256(file.csv()) + "\n");
        assertThat(file.totalsAsWritten()).isEqualTo(file.totals());
    }

    @Test
    void neutralisesFormulaCellsButKeepsAmountsNumeric() {
        PayrollFile file = PayrollFile.of("2026-10", List.of(row("=cmd|' /C calc'!A0", "@R1", "-5.00", "USD")));
        assertThat(new String(file.csv(), StandardCharsets.UTF_8))
                .contains("'=cmd|' /C calc'!A0,'@R1,2026-10,COMMISSION,-5.00,USD");
    }

    @Test
    void theSameRowsGiveTheSameBytes() {
        List<PayoutRow> rows = List.of(row("E1", "R1", "1.00", "USD"));
        assertThat(PayrollFile.of("2026-10", rows).csv()).isEqualTo(PayrollFile.of("2026-10", rows).csv());
        assertThat(PayrollFile.of("2026-10", rows).control()).isEqualTo(PayrollFile.of("2026-10", rows).control());
    }
}
