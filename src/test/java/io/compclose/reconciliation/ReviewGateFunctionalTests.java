package io.compclose.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;

/**
 * With the review gate on, the sample close stops before payroll and statements (exit 3) with its
 * exceptions; approval is recorded with who and why; the same close command then continues from the
 * gate, without running the steps before it again.
 */
class ReviewGateFunctionalTests {

    @TempDir
    Path work;

    @Test
    void theGateStopsTheCloseUntilFinanceApprovesIt() {
        // given the gate on: payouts above 50,000 and more than 10 rejected rows are to be reviewed
        CloseFixture fixture = CloseFixture.onH2(work.resolve("out"), false);
        List<String> close = fixture.closeArgs("--compclose.review.enabled=true",
                "--compclose.review.payout-above=50000", "--compclose.review.rejected-rows-above=10");

        // when the close runs
        CliRun stopped = CliRun.of(close);

        // then it stops with the exceptions and nothing reached payroll or reps
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
        assertThat(stopped.out()).contains("For review: 3",
                "PAYOUT_ABOVE_LIMIT R001: payout 58081.95 USD is above 50000",
                "PAYOUT_ABOVE_LIMIT R006: payout 53635.96 USD is above 50000",
                "REJECTED_ROWS input: 13 rejected input rows, more than 10");
        assertThat(stopped.err()).contains("stopped for review before payroll and statements",
                "approve --period=2026-10 --by=NAME");
        assertThat(fixture.payrollCsv()).doesNotExist();
        assertThat(fixture.statement("R001")).doesNotExist();
        assertThat(fixture.count("SELECT COUNT(*) FROM delivery_log")).isZero();

        // an approval needs a name; the close stays stopped until then
        CliRun nameless = CliRun.of(List.of("approve", "--period=2026-10", "--out=" + fixture.out()));
        assertThat(nameless.exitCode()).isEqualTo(2);
        assertThat(CliRun.of(close).exitCode()).isEqualTo(3);

        // when finance approves
        CliRun approve = CliRun.of(List.of("approve", "--period=2026-10", "--by=Fiona Finance",
                "--note=checked with sales ops", "--out=" + fixture.out()));
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        assertThat(approve.out()).contains("Approved the close of 2026-10 with 3 exceptions, by Fiona Finance.");

        // then the same close continues from the gate to payroll and statements, once
        CliRun continued = CliRun.of(close);
        assertThat(continued.exitCode()).as(continued.toString()).isZero();
        assertThat(continued.out()).contains("Continuing the close of 2026-10 after review",
                "For review: 3 (approved by Fiona Finance on", "checked with sales ops");
        assertThat(fixture.payrollCsv()).exists();
        assertThat(fixture.count("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT'")).isEqualTo(10);
        assertThat(fixture.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadBookings'"))
                .as("the steps before the gate ran once").isEqualTo(1);
        assertThat(fixture.count("SELECT COUNT(*) FROM close_approval WHERE pay_period = '2026-10' AND revision = 1 "
                + "AND approved_by = 'Fiona Finance' AND exceptions = 3")).isEqualTo(1);
        CliRun again = CliRun.of(List.of("approve", "--period=2026-10", "--by=Someone", "--out=" + fixture.out()));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("is not waiting for approval (its last run is completed)");
    }
}
