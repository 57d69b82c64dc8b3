package io.compclose.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;

/** A break in the control totals stops the close before payroll or statements, with the numbers. */
class ReconciliationFunctionalTests {

    @TempDir
    Path work;

    @Test
    void anExtraCreditStopsTheCloseBeforeAnythingIsPaid() {
        // given a close stopped during calculation, and then a stray credit: B-1001 (12,716 USD ACV, owner R001)
        // credited a second time, 50 % to R002
        Path out = work.resolve("out");
        CloseFixture close = CloseFixture.onH2(out, false);
        FaultInjection.arm("calculateEarnings", 1);
        assertThat(close.close(FaultInjection.class).exitCode()).isEqualTo(1);
        close.jdbc().update("""
                INSERT INTO credit (pay_period, booking_id, rep_id, credit_share, amount, currency, rule_name, plan_id,
                    original_amount, original_currency, fx_rate)
                VALUES ('2026-10', 'B-1001', 'R002', 0.5, 6358.00, 'USD', 'stray', 'AE-2026', 6358.00, 'USD', 1)""");

        // when the close continues
        CliRun run = close.close();

        // then reconciliation fails with every figure that does not tie: 4,079,230.07 booked vs
        // 4,085,588.07 credited (+ 6,358.00) and one booking credited 150 %
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("failed in step reconcile")
                .contains("USD: booked ACV 4079230.0700 <> credited ACV + uncredited 4085588.0700 (difference -6358.0000)")
                .contains("1 booking(s) whose primary credit shares do not total 100 %");
        assertThat(Files.exists(close.payrollCsv())).isFalse();
        assertThat(Files.exists(out.resolve("statements"))).isFalse();
    }
}
