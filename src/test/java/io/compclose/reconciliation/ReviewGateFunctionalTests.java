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
import io.compclose.support.SummaryCsv;

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
        // but finance can review a draft close summary, marked as one on every page; the ties not yet made (payroll
        // file, statements: 2 each) are not shown: 16 - 4 = 12
        Path draft = fixture.out().resolve("reports/draft/close-summary-2026-10.pdf");
        String draftText = Pdfs.text(Files.readAllBytes(draft));
        assertThat(draftText.split("Page \\d+ of \\d+", -1)).allSatisfy(page -> assertThat(page).satisfiesAnyOf(
                p -> assertThat(p).contains("DRAFT — not approved"), p -> assertThat(p).isBlank()));
        assertThat(draftText).contains("DRAFT — not approved: the close stopped for review; nothing was exported "
                + "to payroll or sent", "Payout USD 236,820.46; no prior period", "5 exception(s) for review, not "
                + "approved", "Control totals: all 12 ties hold");
        assertThat(fixture.out().resolve("reports/draft/close-summary-2026-10.csv")).exists();
        assertThat(fixture.out().resolve("reports/close-summary-2026-10.pdf")).doesNotExist();

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
        assertThat(draft.getParent()).as("the final summary replaces the draft").doesNotExist();
        assertThat(fixture.count("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT'")).isEqualTo(10);
        assertThat(fixture.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadBookings'"))
                .as("the steps before the gate ran once").isEqualTo(1);
        assertThat(fixture.count("SELECT COUNT(*) FROM close_approval WHERE pay_period = '2026-10' AND revision = 1 "
                + "AND approved_by = 'Fiona Finance' AND exceptions = 5")).isEqualTo(1);

        // the close summary's first page is the close at a glance: payout per currency (no period closed before
        // this one), reps paid (EUR 2 + USD 6) and at zero, each file's rejected share (11 / 100 = 11.0 %,
        // 2 / 14 = 14.3 %), the exceptions and who approved them, and the ties in one line: bookings rows, its
        // ACV in EUR and USD, reps rows, then booked = credited, earned, pay lines in ledgers, pay lines paid,
        // payroll file and statements, each in EUR and USD: 1 + 2 + 1 + 6 x 2 = 16
        String pdf = Pdfs.text(Files.readAllBytes(fixture.out().resolve("reports/close-summary-2026-10.pdf")));
        String firstPage = pdf.substring(0, pdf.indexOf("Page 1 of"));
        assertThat(firstPage).contains("Close of 2026-10", "At a glance",
                "Payout EUR 80,783.52; no prior period", "Payout USD 236,820.46; no prior period",
                "8 reps paid", "2 reps at zero: M001, R008",
                "bookings.csv 11 of 100 rows rejected (11.0 %)", "reps.csv 2 of 14 rows rejected (14.3 %)",
                "5 exception(s) for review, approved by Fiona Finance on ", "Control totals: all 16 ties hold");
        assertThat(pdf).contains("Page 4 of 4").doesNotContain("Page 5");
        // the register: R001 on AE-2026 v2 earned and is paid USD 58,081.95, nothing held or to recover
        assertThat(pdf).contains("Payroll register", "R001, AE-2026 v2 USD 58,081.95 58,081.95 0.00 0.00",
                "Payout by earning code", "COMMISSION USD 6 236,820.46", "For review", "Approval", "Fiona Finance");
        // ties read as finance checks them: USD 4,098,930.07 read = 4,079,230.07 accepted + 19,700.00 rejected
        assertThat(pdf).contains("Bookings ACV read from bookings.csv = accepted + rejected + re-delivered USD "
                + "4,098,930.07 4,098,930.07 0.00", "The payroll file = the statements as rendered EUR 80,783.52 "
                + "80,783.52 0.00", "Bookings ACV read from bookings.csv USD 73 4,098,930.07");
        assertThat(pdf.replaceAll("\\s+", " ")).contains("Adjustments (period), gross and net none",
                "Bookings not credited (not paid) none", "Statements not delivered none");

        // the CSV keeps the same as plain numbers, by key: its plan lines add up to the payout (USD 63,079.34 +
        // 50,700.75 + 103,046.16 + 19,994.21 = 236,820.46)
        SummaryCsv csv = SummaryCsv.read(fixture.out().resolve("reports/close-summary-2026-10.csv"));
        assertThat(csv.header()).containsExactly("section", "item", "label", "currency", "count", "amount", "prior",
                "change", "earned", "paid", "held_back", "to_recover", "before", "after", "left", "right", "difference",
                "detail");
        assertThat(csv.row("At a glance", "payout", "USD")).containsEntry("amount", "236820.46")
                .doesNotContainKeys("prior", "change");
        assertThat(csv.row("At a glance", "rejected:bookings.csv", "")).containsEntry("count", "11")
                .containsEntry("detail", "bookings.csv 11 of 100 rows rejected (11.0 %)");
        assertThat(csv.row("At a glance", "ties", "")).containsEntry("count", "0");
        assertThat(csv.row("Payroll register: rep and plan", "R001", "USD")).containsEntry("earned", "58081.95")
                .containsEntry("paid", "58081.95").containsEntry("held_back", "0.00").containsEntry("to_recover", "0.00");
        assertThat(csv.row("Payout by earning code", "COMMISSION", "USD")).containsEntry("count", "6")
                .containsEntry("amount", "236820.46");
        assertThat(csv.section("Earned this period by plan and component").stream()
                .filter(r -> "USD".equals(r.get("currency"))).map(r -> r.get("item") + " " + r.get("amount")))
                .containsExactly("AE-2026 v1 bookings 63079.34", "AE-2026 v2 bookings 50700.75",
                        "AM-2026 v1 bookings 103046.16", "RN-2026 v1 bookings 19994.21");
        String ties = "Control ties, in the order the money flows";
        assertThat(csv.row(ties, "bookings.csv:acv", "EUR")).containsEntry("left", "1520632.96")
                .containsEntry("right", "1520632.96").containsEntry("difference", "0.00")
                .containsEntry("label", "Bookings ACV read from bookings.csv = accepted + rejected + re-delivered");
        assertThat(csv.row(ties, "bookings.csv:rows", "")).containsEntry("left", "100").containsEntry("right", "100")
                .containsEntry("difference", "0");
        assertThat(csv.row("Control totals", "bookings.csv:read", "")).containsEntry("count", "100")
                .containsEntry("label", "Rows read from bookings.csv");
        assertThat(csv.row("Control totals", "payroll_file", "USD")).containsEntry("count", "6")
                .containsEntry("amount", "236820.46");
        assertThat(csv.row("Control totals", "statements", "USD")).containsEntry("count", "8")
                .containsEntry("amount", "236820.46");
        assertThat(csv.row("Adjustments (period), gross and net", "none", "")).containsOnlyKeys("item");
        assertThat(csv.section("Rejected input rows by reason").stream().filter(r -> "bookings.csv owner_rep_id"
                .equals(r.get("item"))).map(r -> r.get("count") + " " + r.get("detail"))).containsExactly(
                "1 unknown rep (no accepted row in reps.csv)", "1 unknown rep: rep R010's roster row, reps.csv line 5, "
                        + "was rejected (email: not an email address, 'jon.snowe-at-example.com'): fix that row");
        assertThat(csv.section("For review").get(0)).containsEntry("item", "REP_NOT_ON_ROSTER R010").containsEntry(
                "detail", "1 booking (bookings.csv line 89) rejected: the rep has no accepted row in reps.csv (see the "
                        + "rejects of reps.csv, or add the row), so it is not paid");
        assertThat(csv.row("For review", "PAYOUT_ABOVE_LIMIT R001", "")).containsEntry("amount", "58081.95");
        // the control ties and totals read as the chain, in the order the money flows
        assertThat(csv.section(ties).stream().map(r -> r.get("item")).distinct()).containsExactly("bookings.csv:rows",
                "bookings.csv:acv", "reps.csv:rows", "booked_credited", "earned_in_ledgers", "pay_lines_in_ledgers",
                "pay_lines_paid", "payroll_file", "statements");
        assertThat(csv.section("Control totals").stream().filter(r -> "USD".equals(r.get("currency")))
                .map(r -> r.get("item")).distinct()).containsSubsequence("booked_acv", "credited_acv", "earning_lines",
                "ledger_earned_to_date", "pay_lines", "ledger_payout", "payout", "payroll_file", "statements");
        assertThat(csv.section("Approval").get(0)).containsEntry("item", "Fiona Finance").containsEntry("count", "5")
                .hasEntrySatisfying("detail", d -> assertThat(d).startsWith("approved ").endsWith(": checked with sales ops"));

        CliRun again = CliRun.of(List.of("approve", "--period=2026-10", "--by=Someone", "--out=" + fixture.out()));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("is not waiting for approval (its last run is completed)");
    }
}
