package io.compclose.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.system.AtomicFiles;

/** A rep whose clawback took the whole period's pay stays in the payroll file. */
class PayrollRowsTests {

    private static PayoutRow row(String rep, String code, String amount) {
        return new PayoutRow("E" + rep.substring(1), rep, "2026-11", code, new BigDecimal(amount), "USD");
    }

    @Test
    void aRepNettingZeroKeepsTheirRowsAndARepPaidNetDropsItsZeroRows() {
        List<PayoutRow> payouts = List.of(
                // R1 earned nothing: clawback -1,017.28 and the 1,017.28 carried forward sum to a CLAWBACK of 0
                row("R1", "CLAWBACK", "0.0000"),
                // R2 is paid 500 net: its ADJUSTMENT of +100 - 100 is not a row, as before
                row("R2", "ADJUSTMENT", "0.0000"), row("R2", "COMMISSION", "500.0000"),
                // R3: commission 300, clawback 1,200 of which 900 carried: CLAWBACK -300, net 0
                row("R3", "CLAWBACK", "-300.0000"), row("R3", "COMMISSION", "300.0000"));

        PayrollFile file = PayrollFile.of("2026-11", PayrollRows.payable(payouts));

        assertThat(new String(file.csv(), StandardCharsets.UTF_8)).isEqualTo(
                "employee_id,rep_id,pay_period,earning_code,amount,currency\r\n"
                        + "E1,R1,2026-11,CLAWBACK,0.00,USD\r\n"
                        + "E2,R2,2026-11,COMMISSION,500.00,USD\r\n"
                        + "E3,R3,2026-11,CLAWBACK,-300.00,USD\r\n"
                        + "E3,R3,2026-11,COMMISSION,300.00,USD\r\n");
        // 4 rows; USD 0.00 + 500.00 - 300.00 + 300.00 = 500.00, what the payouts total
        assertThat(new String(file.control(), StandardCharsets.UTF_8)).isEqualTo("file=payroll-2026-11.csv\n"
                + "pay_period=2026-11\nrow_count=4\ntotal_USD=500.00\nsha256=" + AtomicFiles.sha256(file.csv()) + "\n");
        assertThat(file.totalsAsWritten()).isEqualTo(file.totals());
    }

    @Test
    void nettingIsPerCurrency() {
        // R4 is paid USD 200 and nets EUR 0 (a EUR clawback wholly carried): its EUR row of 0 stays, its USD
        // SPIFF of 0 does not
        List<PayoutRow> payouts = List.of(
                new PayoutRow("E4", "R4", "2026-11", "CLAWBACK", new BigDecimal("0.00"), "EUR"),
                new PayoutRow("E4", "R4", "2026-11", "COMMISSION", new BigDecimal("200.00"), "USD"),
                new PayoutRow("E4", "R4", "2026-11", "SPIFF", new BigDecimal("0.00"), "USD"));
        assertThat(PayrollRows.payable(payouts)).extracting(PayoutRow::earningCode, PayoutRow::currency)
                .containsExactly(tuple("CLAWBACK", "EUR"), tuple("COMMISSION", "USD"));
    }
}
