package io.compclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.TestDatabases;

/**
 * A restart follows its inputs: a file fixed as the failure advised is read again (with every step
 * after the one reading it) while nothing has been paid or sent, and the close then ends exactly as a
 * fresh close of the corrected inbox would; another inbox is taken only if it holds the same files;
 * once payroll went out, a changed file is refused and pointed to --revise.
 */
class RestartFollowsInputsFunctionalTests {

    /** Managers are credited their team's bookings: M001, paid in USD, needs EUR rates for R003's and R004's. */
    private static final String CREDITING = """
            rules:
              - {id: owner-or-splits, kind: PRIMARY}
              - {id: managers, kind: ROLLUP}
            """;

    private static final String FX_RATES = "currency,rate_to_usd,period\nEUR,1.08,2026-10\n";

    @TempDir
    Path work;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void aMissingFxRateAddedAsAdvisedIsReadAgainAndTheCloseEndsAsAFreshCloseOfTheCompleteInbox(String database)
            throws Exception {
        // given a close whose crediting needs EUR->USD rates the inbox does not have
        Path inbox = copyOfSample(work.resolve("inbox"));
        Files.writeString(inbox.resolve("crediting.yaml"), CREDITING);
        Path out = work.resolve("out");
        CloseFixture close = new CloseFixture(out, TestDatabases.of(database, out, "compclose_inputs_fx"), false);

        // when it runs, it stops in creditBookings naming the booking, the rep and the currency pair
        CliRun failed = CliRun.of(args(close, inbox));
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        assertThat(failed.err()).startsWith("compclose: no FX rate EUR->USD for 2026-10: booking B-1003 of rep M001 "
                + "(bookings.csv line 4); add EUR to fx_rates.csv\n");
        assertThat(failed.err()).doesNotContain("Exception").doesNotContain("\tat ");

        // and once fx_rates.csv is added, the same command reads it again and completes
        Files.writeString(inbox.resolve("fx_rates.csv"), FX_RATES);
        CliRun restarted = CliRun.of(args(close, inbox));

        // then
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).containsPattern("fx_rates\\.csv changed since the failed run \\(absent then, "
                + "sha [0-9a-f]{12} now\\): re-reading it, and every step after loadFxRates");
        CloseFixture fresh = freshClose(inbox, "fx");
        assertThat(Files.readAllBytes(close.payrollCsv())).isEqualTo(Files.readAllBytes(fresh.payrollCsv()));
        assertSameRows(close, fresh);
        assertThat(close.count("SELECT COUNT(*) FROM fx_rate")).isEqualTo(1);
        assertThat(close.count("SELECT COUNT(*) FROM credit WHERE rep_id = 'M001'")).isPositive();
    }

    @Test
    void aRestartFromAnotherInboxIsRefusedUnlessItHoldsTheSameFiles() throws Exception {
        // given a close of inbox A that failed part-way through crediting
        Path inboxA = copyOfSample(work.resolve("a"));
        Path out = work.resolve("out");
        CloseFixture close = CloseFixture.onH2(out, false);
        FaultInjection.arm("creditBookings", 2);
        CliRun failed = CliRun.of(args(close, inboxA), FaultInjection.class);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);

        // when the same command runs with inbox B, whose bookings.csv differs (November's, say)
        Path inboxB = copyOfSample(work.resolve("b"));
        List<String> bookings = new ArrayList<>(Files.readAllLines(inboxB.resolve("bookings.csv")));
        bookings.remove(3);
        Files.write(inboxB.resolve("bookings.csv"), bookings);
        CliRun mixed = CliRun.of(args(close, inboxB), FaultInjection.class);

        // then it is refused, naming the first inbox and the file that differs, and nothing ran
        assertThat(mixed.exitCode()).as(mixed.toString()).isEqualTo(2);
        assertThat(mixed.err()).startsWith("compclose: the close of 2026-10 was started from inbox " + inboxA + "; "
                + inboxB + " is not the same: bookings.csv differs (sha ");
        assertThat(mixed.err()).contains("--inbox=" + inboxA);
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);

        // and with inbox C, a copy of A, it continues and ends as an uninterrupted close of A
        Path inboxC = copyOfSample(work.resolve("c"));
        CliRun copied = CliRun.of(args(close, inboxC), FaultInjection.class);
        assertThat(copied.exitCode()).as(copied.toString()).isZero();
        assertThat(copied.out()).contains("Inbox " + inboxC + " holds the same files the close read from " + inboxA
                + ": continuing from it.").contains("Restarting the close of 2026-10").contains("(step creditBookings)");
        CloseFixture fresh = freshClose(inboxA, "a");
        assertThat(Files.readAllBytes(close.payrollCsv())).isEqualTo(Files.readAllBytes(fresh.payrollCsv()));
        assertSameRows(close, fresh);

        // and status names the inbox the close used last, and what it read
        CliRun status = CliRun.of(List.of("status", "--period=2026-10", "--out=" + out));
        assertThat(status.out()).contains("Period 2026-10 (inbox " + inboxC + "): closed")
                .containsPattern("inputs read \\(SHA-256\\): crediting\\.yaml absent, plans/ae-2026\\.yaml [0-9a-f]{12}")
                .containsPattern("reps\\.csv [0-9a-f]{12}, fx_rates\\.csv absent, bookings\\.csv [0-9a-f]{12}");
    }

    @Test
    void aBookingDroppedFromTheInboxBeforeAnythingWentOutIsGoneAfterTheRestart() throws Exception {
        // given a close that failed in the calculation, after bookings and crediting completed
        Path inbox = copyOfSample(work.resolve("inbox"));
        Path out = work.resolve("out");
        CloseFixture close = CloseFixture.onH2(out, false);
        FaultInjection.arm("calculateEarnings", 2);
        CliRun failed = CliRun.of(args(close, inbox), FaultInjection.class);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);

        // when bookings.csv is corrected (a booking removed) and the same command runs
        List<String> bookings = new ArrayList<>(Files.readAllLines(inbox.resolve("bookings.csv")));
        String dropped = bookings.remove(5).split(",")[0];
        Files.write(inbox.resolve("bookings.csv"), bookings);
        CliRun restarted = CliRun.of(args(close, inbox), FaultInjection.class);

        // then the steps from loadBookings on ran again, and no row of the dropped booking is left
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).containsPattern("bookings\\.csv changed since the failed run \\(sha [0-9a-f]{12} "
                + "then, sha [0-9a-f]{12} now\\): re-reading it, and every step after loadBookings");
        assertThat(close.count("SELECT COUNT(*) FROM credit WHERE booking_id = ?", dropped)).isZero();
        CloseFixture fresh = freshClose(inbox, "dropped");
        assertThat(Files.readAllBytes(close.payrollCsv())).isEqualTo(Files.readAllBytes(fresh.payrollCsv()));
        assertSameRows(close, fresh);
    }

    @Test
    void anInputChangedAfterThePayrollFileWasExportedIsRefusedAndPointedToRevise() throws Exception {
        // given a close that exported its payroll file and failed rendering statements
        Path inbox = copyOfSample(work.resolve("inbox"));
        Path out = work.resolve("out");
        CloseFixture close = CloseFixture.onH2(out, false);
        FaultInjection.arm("renderStatements", 2);
        CliRun failed = CliRun.of(args(close, inbox), FaultInjection.class);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        byte[] exported = Files.readAllBytes(close.payrollCsv());
        byte[] original = Files.readAllBytes(inbox.resolve("bookings.csv"));

        // when bookings.csv changes and the same command runs
        List<String> bookings = new ArrayList<>(Files.readAllLines(inbox.resolve("bookings.csv")));
        bookings.remove(5);
        Files.write(inbox.resolve("bookings.csv"), bookings);
        CliRun refused = CliRun.of(args(close, inbox), FaultInjection.class);

        // then it is refused, naming the file and pointing to --revise, and nothing changed
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).containsPattern("^compclose: bookings\\.csv changed since the failed run \\(sha "
                + "[0-9a-f]{12} then, sha [0-9a-f]{12} now\\), but payroll-2026-10\\.csv was exported: the close of "
                + "2026-10 cannot take a changed input any more\\.\n");
        assertThat(refused.err()).contains("close --revise --period=2026-10");
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        assertThat(Files.readAllBytes(close.payrollCsv())).isEqualTo(exported);

        // and with the file put back, the same command finishes the close
        Files.write(inbox.resolve("bookings.csv"), original);
        CliRun finished = CliRun.of(args(close, inbox), FaultInjection.class);
        assertThat(finished.exitCode()).as(finished.toString()).isZero();
        assertThat(Files.readAllBytes(close.payrollCsv())).isEqualTo(exported);

        // and a change after the close completed is not taken either: the console points to --revise
        Files.write(inbox.resolve("bookings.csv"), bookings);
        CliRun completed = CliRun.of(args(close, inbox));
        assertThat(completed.exitCode()).as(completed.toString()).isZero();
        assertThat(completed.out()).contains("already completed").containsPattern("bookings\\.csv changed since this "
                + "close read it \\(sha [0-9a-f]{12} then, sha [0-9a-f]{12} now\\): to pay what it changes, run close "
                + "--revise --period=2026-10");
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
    }

    private CloseFixture freshClose(Path inbox, String name) {
        CloseFixture fresh = CloseFixture.onH2(work.resolve("fresh-" + name), false);
        CliRun run = CliRun.of(args(fresh, inbox));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return fresh;
    }

    /** The rows a close keeps of its inputs and results, equal to a fresh close's. */
    private static void assertSameRows(CloseFixture restarted, CloseFixture fresh) {
        for (String sql : List.of(
                "SELECT rep_id, effective_from, plan_id FROM rep_assignment ORDER BY rep_id, effective_from",
                "SELECT booking_id, owner_rep_id, acv, source_line FROM booking ORDER BY booking_id",
                "SELECT source_file, line_no, column_name, reason FROM intake_reject ORDER BY source_file, line_no, "
                        + "column_name",
                "SELECT booking_id, rep_id, amount, currency, credit_kind FROM credit ORDER BY booking_id, rep_id",
                "SELECT booking_id, reason FROM credit_exception ORDER BY booking_id",
                "SELECT rep_id, earning_code, currency, amount FROM payout ORDER BY rep_id, earning_code",
                "SELECT COUNT(*) FROM earning_line", "SELECT COUNT(*) FROM pay_line",
                "SELECT COUNT(*) FROM control_total")) {
            assertThat(rows(restarted, sql)).as(sql).isEqualTo(rows(fresh, sql));
        }
    }

    private static List<String> rows(CloseFixture close, String sql) {
        return close.jdbc().queryForList(sql).stream().map(row -> row.values().stream()
                .map(v -> v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v))
                .toList().toString()).toList();
    }

    private static List<String> args(CloseFixture close, Path inbox) {
        return close.closeArgs().stream().map(a -> a.startsWith("--inbox=") ? "--inbox=" + inbox : a).toList();
    }

    private static Path copyOfSample(Path to) throws IOException {
        try (Stream<Path> files = Files.walk(CloseFixture.SAMPLE_INBOX)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(CloseFixture.SAMPLE_INBOX.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
