package io.compclose.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.Tampering;
import io.compclose.support.TestDatabases;

/**
 * A break at any hand-off of the close (source rows and amounts, crediting, earning lines, payouts,
 * the payroll file, the statements) fails the close in the step that owns the check, with the figures
 * that do not tie, before the figures go further.
 * <p>
 * The sample close these breaks are injected into: bookings.csv has 100 rows, 88 accepted, 11
 * rejected and 1 re-delivered (line 73, B-1011, 86,392 EUR). ACV read from the file, per currency:
 * USD 4,098,930.07 = accepted 4,079,230.07 + rejected 19,700.00 (5,000 + 8,000 + 3,000 − 500 + 700
 * + 1,000 + 2,500; lines 9 "12,500.00" and 97 "=1+1" have no readable ACV and count in rows only);
 * EUR 1,520,632.96 = accepted 1,330,241.96 + rejected 103,999.00 (4,000 + 99,999) + re-delivered
 * 86,392.00. Everything accepted is credited 100 % to its owner. Earning lines, ledgers, pay lines,
 * payouts, the payroll file and the statements all total USD 236,820.46 (R001 58,081.95, R002
 * 32,358.14, R005 34,799.89, R006 53,635.96, R007 19,994.21, R009 37,950.31) and EUR 80,783.52
 * (R003 42,814.24, R004 37,969.28), one COMMISSION pay line per rep.
 */
class ReconciliationFunctionalTests {

    private static final List<String> AFTER_EXPORT = List.of("renderStatements", "deliverStatements");

    @TempDir
    Path work;

    /**
     * One break: the database changed just before {@code beforeStep}, the step that must catch it, and
     * the reason the close prints, in full (so no other break may appear beside it).
     */
    record Break(String handOff, String database, String beforeStep, List<String> tampering, String failingStep,
            String reason) {

        @Override
        public String toString() {
            return handOff + " (" + database + ")";
        }
    }

    static Stream<Break> oneBreakPerHandOff() {
        return Stream.of(
                // source → accepted + rejected: an accepted booking lost after intake (B-1001, line 2, 12,716 USD).
                // 87 + 11 + 1 = 99 rows; 4,079,230.07 − 12,716 = 4,066,514.07 + 19,700 = 4,086,214.07
                // against 4,098,930.07 read
                new Break("source rows and ACV -> accepted + rejected: a booking lost", "h2", "creditBookings",
                        List.of("DELETE FROM booking WHERE booking_id = 'B-1001'"), "reconcile",
                        "reconciliation of 2026-10 failed: bookings.csv: 100 rows read but 87 accepted + 11 rejected"
                                + " + 1 re-delivered = 99; USD: bookings.csv ACV read 4098930.07 <> accepted"
                                + " 4066514.07 + rejected 19700.00 + re-delivered 0.00 = 4086214.07"
                                + " (difference 12716.00)"),
                // the same row counted twice, accepted and rejected: 88 + 12 + 1 = 101 rows;
                // rejected 19,700 + 12,716 = 32,416
                new Break("source rows and ACV -> accepted + rejected: a row counted twice", "h2", "creditBookings",
                        List.of("""
                                INSERT INTO intake_reject (pay_period, source_file, line_no, column_name, reason,
                                    raw_value, kind)
                                VALUES ('2026-10', 'bookings.csv', 2, 'acv', 'stray', '12716', 'REJECTED')"""),
                        "reconcile",
                        "reconciliation of 2026-10 failed: bookings.csv: 100 rows read but 88 accepted + 12 rejected"
                                + " + 1 re-delivered = 101; USD: bookings.csv ACV read 4098930.07 <> accepted"
                                + " 4079230.07 + rejected 32416.00 + re-delivered 0.00 = 4111646.07"
                                + " (difference -12716.00)"),
                // rows tie, the amount does not: B-1001 stored as 12,761 instead of 12,716 (+45), and credited so,
                // so only the file tells: accepted 4,079,275.07 + 19,700 = 4,098,975.07
                new Break("source ACV -> accepted: an amount changed in intake", "h2", "creditBookings",
                        List.of("UPDATE booking SET acv = 12761 WHERE booking_id = 'B-1001'"), "reconcile",
                        "reconciliation of 2026-10 failed: USD: bookings.csv ACV read 4098930.07 <> accepted"
                                + " 4079275.07 + rejected 19700.00 + re-delivered 0.00 = 4098975.07"
                                + " (difference -45.00)"),
                // accepted → credited: the amounts still tie, the split does not (B-1001 credited at 60 %)
                new Break("accepted -> credited: shares not 100 %", "h2", "calculateEarnings",
                        List.of("UPDATE credit SET credit_share = 0.6 WHERE booking_id = 'B-1001'"), "reconcile",
                        "reconciliation of 2026-10 failed: 1 booking(s) whose primary credit shares do not total"
                                + " 100 %: B-1001 60 %"),
                // credits → earning lines: R001's line for B-1017 (74,089.25 x 8 % = 5,927.14) lost;
                // 236,820.46 − 5,927.14 = 230,893.32
                new Break("credits -> earning lines: an earning line lost", "h2", "summarisePayouts",
                        List.of("DELETE FROM earning_line WHERE rep_id = 'R001' AND source_id = 'B-1017'"),
                        "reconcile",
                        "reconciliation of 2026-10 failed: USD: earning lines 230893.32 <> ledger earned-to-date"
                                + " 236820.46 (difference -5927.14); 1 credit(s) without an earning line:"
                                + " B-1017 to R001 (74089.25 USD)"),
                // earning lines → payouts: a pay line that is not the settlement's (R001 + 100.00), summed into payouts
                new Break("earning lines -> payouts: a pay line changed", "h2", "summarisePayouts",
                        List.of("UPDATE pay_line SET amount = amount + 100 WHERE rep_id = 'R001'"), "reconcile",
                        "reconciliation of 2026-10 failed: USD: pay lines 236920.46 <> ledger payout 236820.46"
                                + " (difference 100.00)"),
                // a ledger that does not hold the earning lines (R002 earned to date + 1,000.00)
                new Break("earning lines -> payouts: a ledger changed", "h2", "reconcile",
                        List.of("UPDATE rep_ledger SET earned_to_date = earned_to_date + 1000 WHERE rep_id = 'R002'"),
                        "reconcile",
                        "reconciliation of 2026-10 failed: USD: earning lines 236820.46 <> ledger earned-to-date"
                                + " 237820.46 (difference -1000.00)"),
                // a payout a cent off its pay lines (R009 37,950.31 → 37,950.32)
                new Break("earning lines -> payouts: a payout a cent off", "h2", "reconcile",
                        List.of("UPDATE payout SET amount = amount + 0.01 WHERE rep_id = 'R009'"), "reconcile",
                        "reconciliation of 2026-10 failed: USD: pay lines 236820.46 <> payouts 236820.47"
                                + " (difference -0.01)"),
                // payouts → payroll file: a payout changed after reconciliation and review (R001 + 100.00)
                new Break("payouts -> payroll file: a payout changed after reconciliation", "h2", "exportPayroll",
                        List.of("UPDATE payout SET amount = amount + 100 WHERE rep_id = 'R001'"), "exportPayroll",
                        "the payroll file of 2026-10 does not tie to the payouts reconciled: USD: payroll file"
                                + " 236920.46 <> payouts reconciled 236820.46 (difference 100.00)"),
                // a payout lost after reconciliation (R003, 42,814.24 EUR): 80,783.52 − 42,814.24 = 37,969.28
                new Break("payouts -> payroll file: a payout lost after reconciliation", "mariadb", "exportPayroll",
                        List.of("DELETE FROM payout WHERE rep_id = 'R003'"), "exportPayroll",
                        "the payroll file of 2026-10 does not tie to the payouts reconciled: EUR: payroll file"
                                + " 37969.28 <> payouts reconciled 80783.52 (difference -42814.24)"),
                // payroll file → statements: R001's statement would show pay lines 100.00 above what payroll pays
                new Break("payroll file -> statements: a statement that is not what payroll pays", "h2",
                        "renderStatements", List.of("UPDATE pay_line SET amount = amount + 100 WHERE rep_id = 'R001'"),
                        "renderStatements",
                        "the statement of rep R001 does not tie to the payroll file: USD: statement total 58181.95"
                                + " <> payroll file 58081.95 (difference 100.00)"),
                // a statement lost before delivery (R006, 53,635.96 USD): 236,820.46 − 53,635.96 = 183,184.50
                new Break("payroll file -> statements: a statement lost", "h2", "deliverStatements",
                        List.of("DELETE FROM statement WHERE rep_id = 'R006'"), "deliverStatements",
                        "the statements of 2026-10 do not tie to the payroll file: USD: statements 183184.50"
                                + " <> payroll file 236820.46 (difference -53635.96)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBreakPerHandOff")
    void eachBreakFailsTheCloseWithTheFiguresThatDoNotTie(Break tie) throws IOException {
        // given the sample close, changed just before one step as a defect upstream would leave it
        Path out = work.resolve("out");
        CloseFixture close = new CloseFixture(out, TestDatabases.of(tie.database(), out, "compclose_breaks"), false);
        Tampering.before(tie.beforeStep(), tie.tampering().toArray(String[]::new));

        // when the close runs
        CliRun run = close.close(Tampering.class);

        // then it fails in the step that owns the hand-off, saying what does not tie and by how much
        assertThat(Tampering.done()).as("the break was injected").isTrue();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines().findFirst()).as(run.toString())
                .hasValue("compclose: the close of 2026-10 failed in step " + tie.failingStep() + ": " + tie.reason());
        // and nothing went further than the break: no payroll file before the export, no statement before
        // delivery's check, and no email at all
        boolean exported = AFTER_EXPORT.contains(tie.failingStep());
        assertThat(Files.exists(close.payrollCsv())).isEqualTo(exported);
        assertThat(Files.exists(close.payrollCtl())).isEqualTo(exported);
        List<Path> statements = files(out.resolve("statements"));
        switch (tie.failingStep()) {
            case "deliverStatements" -> assertThat(statements).hasSize(10);
            // the reps run as ranges side by side: a range without R001 may have completed, but R001's statement,
            // which does not tie, is never written
            case "renderStatements" -> assertThat(statements).noneMatch(file -> file.endsWith("R001.pdf"));
            default -> assertThat(statements).isEmpty();
        }
        assertThat(files(out.resolve("outbox"))).isEmpty();
        assertThat(close.count("SELECT COUNT(*) FROM delivery_log")).isZero();
    }

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
                .contains("USD: booked ACV 4079230.07 <> credited ACV + uncredited 4085588.07 (difference -6358.00)")
                .contains("1 booking(s) whose primary credit shares do not total 100 %: B-1001 150 %");
        assertThat(Files.exists(close.payrollCsv())).isFalse();
        assertThat(Files.exists(out.resolve("statements"))).isFalse();
    }

    /** The regular files under a folder, none if it does not exist. */
    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
