package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;

/**
 * A wrong or cut inbox stops the close before anything is paid or sent (issue 20, defect 4): October's
 * inbox closed as November, or a bookings.csv cut after its header, used to close the month with an
 * empty payroll file and statements of 0.00 emailed to every rep.
 */
class WrongInboxFunctionalTests {

    @TempDir
    Path work;

    @Test
    void octobersInboxClosedAsNovemberStopsAndTheFixedInboxCloses() throws Exception {
        // given October's sample inbox, given as November's
        Path inbox = copyOfTheSampleInbox();
        Path out = work.resolve("out");
        // (the gate off: the sample's R010 and R999 would stop the fixed close for review, see CloseFixture)
        List<String> close = List.of("close", "--period=2026-11", "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false", "--compclose.review.enabled=false");

        // when
        CliRun stopped = CliRun.of(close);

        // then it stops with exit 2, naming the file, what is wrong and how to go on, before anything goes out
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(2);
        assertThat(stopped.err().lines().toList()).as(stopped.toString()).containsExactly(
                "compclose: 94 of the 100 rows of bookings.csv are dated outside 2026-11, most in 2026-10, and none "
                        + "was accepted: is this October's inbox? Put the files of 2026-11 in this inbox and run the same "
                        + "command again; for a month without bookings, run it with --allow-empty=bookings",
                "Fix the input and run the same command again; the close continues from that step.");
        assertNothingWentOut(out);
        // the rejects it points at are published
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-11.csv")))
                .filteredOn(line -> line.contains("outside the pay period 2026-11")).hasSize(94);

        // when November's bookings replace October's and the same command runs again
        Files.write(inbox.resolve("bookings.csv"), Files.readAllLines(inbox.resolve("bookings.csv")).stream()
                .map(line -> line.replace(",2026-10-", ",2026-11-").replace(",2026-09-", ",2026-10-")).toList());
        CliRun fixed = CliRun.of(close);

        // then it continues where it stopped, reads bookings.csv from its first line, and closes November
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(fixed.out()).contains("Restarting the close of 2026-11 where execution").contains("(step loadBookings)");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.ctl"))).contains("row_count=8",
                "total_EUR=80783.52", "total_USD=230687.06");
        assertThat(Files.list(out.resolve("outbox/2026-11")).count()).isEqualTo(10);
        // every one of the 100 rows accounted for once: none skipped as read before, no stale reject left
        long accepted = CloseFixture.onH2(out, false).count("SELECT COUNT(*) FROM booking WHERE pay_period = '2026-11'");
        long rejected = Files.readAllLines(out.resolve("rejects/rejects-2026-11.csv")).stream()
                .filter(line -> line.startsWith("bookings.csv")).count();
        assertThat(accepted).isEqualTo(87); // 2026-10-31, moved to 2026-11-31, is no date
        assertThat(accepted + rejected).isEqualTo(100);
    }

    @Test
    void aBookingsFileCutAfterItsHeaderStopsAndAQuietMonthClosesWithAllowEmpty() throws Exception {
        // given the sample inbox with bookings.csv cut after its header
        Path inbox = copyOfTheSampleInbox();
        Files.writeString(inbox.resolve("bookings.csv"), Files.readAllLines(inbox.resolve("bookings.csv")).get(0) + "\n");
        Path out = work.resolve("out");
        List<String> close = new ArrayList<>(List.of("close", "--period=2026-10", "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false"));

        // when
        CliRun stopped = CliRun.of(close);

        // then
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(2);
        assertThat(stopped.err().lines().findFirst().orElseThrow()).isEqualTo("compclose: bookings.csv has no rows, "
                + "only its header (a cut export?): nothing would be paid for 2026-10. Fix the file and run the same "
                + "command again; for a month without bookings, run it with --allow-empty=bookings");
        assertNothingWentOut(out);

        // when it really is a month without bookings
        close.add("--allow-empty=bookings");
        CliRun quiet = CliRun.of(close);

        // then the same command with --allow-empty=bookings closes it: a statement per rep, nothing earned
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).contains("(step loadBookings)");
        assertThat(Files.list(out.resolve("outbox/2026-10")).count()).isEqualTo(10);
        assertThat(CloseFixture.onH2(out, false).count("SELECT COUNT(*) FROM booking")).isZero();
    }

    @Test
    void allowEmptyTakesBookingsOnly() {
        CliRun reps = CliRun.of(List.of("close", "--period=2026-10", "--inbox=" + work, "--allow-empty=reps"));
        assertThat(reps.exitCode()).isEqualTo(2);
        assertThat(reps.err()).startsWith("compclose: --allow-empty takes bookings (a month without bookings), was "
                + "'reps': a close without reps pays no one\n");
    }

    private Path copyOfTheSampleInbox() throws Exception {
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox.resolve("plans"));
        try (var files = Files.walk(CloseFixture.SAMPLE_INBOX)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, inbox.resolve(CloseFixture.SAMPLE_INBOX.relativize(file).toString()));
            }
        }
        return inbox;
    }

    private static void assertNothingWentOut(Path out) throws Exception {
        assertThat(out.resolve("payroll")).doesNotExist();
        // drafts, at a review gate, are not statements: none was issued
        if (Files.exists(out.resolve("statements"))) {
            try (var folders = Files.list(out.resolve("statements"))) {
                assertThat(folders.map(folder -> folder.getFileName().toString())).containsOnly("draft");
            }
        }
        assertThat(out.resolve("outbox")).doesNotExist();
    }
}
