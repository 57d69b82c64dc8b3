package io.compclose.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;

/**
 * With the review gate on, the sample close stops before payroll and statements (exit 3) with its
 * exceptions, first the reps whose bookings were rejected for want of a roster row; approval is recorded with who and why; the same close command then continues from the
 * gate, without running the steps before it again.
 */
class ReviewGateFunctionalTests {

    @TempDir
    Path work;

    @Test
    void theGateStopsTheCloseUntilFinanceApprovesIt() throws Exception {
        // given the gate on: payouts above 50,000 and more than 10 rejected rows are to be reviewed
        CloseFixture fixture = CloseFixture.onH2(work.resolve("out"), false);
        List<String> close = fixture.closeArgs("--compclose.review.enabled=true",
                "--compclose.review.payout-above=50000", "--compclose.review.rejected-rows-above=10");

        // when the close runs
        CliRun stopped = CliRun.of(close);

        // then it stops with the exceptions and nothing reached payroll or reps
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
        // reps with bookings but no accepted roster row come first: R010's row was rejected (its email), R999 has none
        assertThat(stopped.out()).contains("For review: 5\n"
                + "    REP_NOT_ON_ROSTER R010: 1 booking (bookings.csv line 89) rejected: the rep has no accepted row in "
                + "reps.csv (see the rejects of reps.csv, or add the row), so it is not paid\n"
                + "    REP_NOT_ON_ROSTER R999: 1 booking (bookings.csv line 17) rejected: the rep has no accepted row in "
                + "reps.csv (see the rejects of reps.csv, or add the row), so it is not paid\n",
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
        assertThat(approve.out()).contains("Approved the close of 2026-10 with 5 exceptions, by Fiona Finance.");

        // then the same close continues from the gate to payroll and statements, once
        CliRun continued = CliRun.of(close);
        assertThat(continued.exitCode()).as(continued.toString()).isZero();
        assertThat(continued.out()).contains("Continuing the close of 2026-10 after review",
                "For review: 5 (approved by Fiona Finance on", "checked with sales ops");
        assertThat(fixture.payrollCsv()).exists();
        assertThat(fixture.count("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT'")).isEqualTo(10);
        assertThat(fixture.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadBookings'"))
                .as("the steps before the gate ran once").isEqualTo(1);
        assertThat(fixture.count("SELECT COUNT(*) FROM close_approval WHERE pay_period = '2026-10' AND revision = 1 "
                + "AND approved_by = 'Fiona Finance' AND exceptions = 5")).isEqualTo(1);

        // the close summary keeps pay by code, earnings by plan, the control totals, the rejects, what was
        // reviewed and who approved it; its plan lines add up to the payout (USD 63,079.34 + 50,700.75 +
        // 103,046.16 + 19,994.21 = 236,820.46)
        List<String> csv = Files.readAllLines(fixture.out().resolve("reports/close-summary-2026-10.csv"));
        assertThat(csv).contains("section,item,currency,count,amount,detail",
                "Payout by earning code,COMMISSION,USD,6,236820.46,reps paid",
                "Earned this period by plan and component,AE-2026 v1 bookings,USD,14,63079.34,earning lines",
                "Earned this period by plan and component,AE-2026 v2 bookings,USD,12,50700.75,earning lines",
                "Earned this period by plan and component,AM-2026 v1 bookings,USD,29,103046.16,earning lines",
                "Earned this period by plan and component,RN-2026 v1 bookings,USD,11,19994.21,earning lines",
                "Control totals,bookings.csv:read,,100,,rows in the file",
                "Control totals,payroll_file,USD,6,236820.46,the payroll file as written",
                "Control totals,statements,USD,8,236820.46,the statements as rendered",
                "Rejected input rows by reason,bookings.csv owner_rep_id,,1,,unknown rep (no accepted row in reps.csv)",
                "Rejected input rows by reason,bookings.csv owner_rep_id,,1,,\"unknown rep: rep R010's roster row, "
                        + "reps.csv line 5, was rejected (email: not an email address, 'jon.snowe-at-example.com'): "
                        + "fix that row\"",
                "For review,PAYOUT_ABOVE_LIMIT R001,,,58081.95,payout 58081.95 USD is above 50000");
        assertThat(csv.stream().filter(line -> line.startsWith("For review,")).findFirst()).hasValue(
                "For review,REP_NOT_ON_ROSTER R010,,,,\"1 booking (bookings.csv line 89) rejected: the rep has no "
                        + "accepted row in reps.csv (see the rejects of reps.csv, or add the row), so it is not paid\"");
        // the control totals read as the chain, in the order the money flows
        List<String> chain = csv.stream().filter(line -> line.startsWith("Control totals,") && line.contains(",USD,"))
                .map(line -> line.split(",")[1]).distinct().toList();
        assertThat(chain).containsSubsequence("booked_acv", "credited_acv", "earning_lines", "ledger_earned_to_date",
                "pay_lines", "ledger_payout", "payout", "payroll_file", "statements");
        assertThat(csv).anyMatch(line -> line.startsWith("Approval,Fiona Finance,,5,,approved ")
                && line.endsWith(": checked with sales ops"));
        String pdf = Pdfs.text(Files.readAllBytes(fixture.out().resolve("reports/close-summary-2026-10.pdf")));
        assertThat(pdf).contains("Close of 2026-10", "Payout by earning code", "COMMISSION USD 6 236,820.46",
                "For review", "Approval", "Fiona Finance");

        CliRun again = CliRun.of(List.of("approve", "--period=2026-10", "--by=Someone", "--out=" + fixture.out()));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("is not waiting for approval (its last run is completed)");
    }
}
