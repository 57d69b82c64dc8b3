package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;

/**
 * The sample month's rejected bookings.csv rows, recorded with the booking and the rep they name, and listed
 * with why on the statement of that rep: R001's B-2001, B-2005 and B-2010; none on a statement for a rep who
 * is not on the roster (R999, R010).
 */
class RejectedRowsStatementFunctionalTests {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void aRejectedBookingRowIsOnTheStatementOfTheRepItNamesWithWhy(String database) throws Exception {
        // given the sample inbox, whose bookings.csv has 11 rejected rows and one identical re-delivery
        Path out = work.resolve("out");
        CloseFixture close = new CloseFixture(out, TestDatabases.of(database, out, "compclose_rejected"), false);

        // when
        CliRun run = close.close();

        // then each reject names the booking and the rep of its row (the bookings.csv lines, read by hand),
        // whatever column broke a rule; reps.csv's rejects name no one
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(close.jdbc().queryForList("""
                SELECT line_no, column_name, kind, booking_id, rep_id FROM intake_reject
                WHERE pay_period = '2026-10' ORDER BY source_file, line_no""").stream()
                .map(r -> r.get("line_no") + " " + r.get("column_name") + " " + r.get("kind") + " "
                        + r.get("booking_id") + " " + r.get("rep_id")).toList()).containsExactly(
                "9 acv REJECTED B-2001 R001",
                "17 owner_rep_id REJECTED B-2002 R999",
                "25 booked_on REJECTED B-2003 R002",
                "33 type REJECTED B-2004 R002",
                "41 currency REJECTED B-2005 R001",
                "49 acv REJECTED B-2006 R005",
                "57 account_id REJECTED B-2007 R005",
                "65 booking_id REJECTED B-1004 R004",
                "73 booking_id DUPLICATE B-1011 R003",
                "81 booked_on REJECTED B-2010 R001",
                "89 owner_rep_id REJECTED B-2011 R010",
                "97 acv REJECTED B-2012 R002",
                "5 email REJECTED null null",
                "10 rep_id DUPLICATE null null",
                "15 plan_id REJECTED null null");
        // the rejects file finance reads keeps its five columns
        assertThat(Files.readAllLines(close.out().resolve("rejects/rejects-2026-10.csv")))
                .startsWith("file,line,column,reason,raw_value",
                        "bookings.csv,9,acv,not a decimal number (use '.' and no thousands separator),\"12,500.00\"");

        // R001's three rejected rows, each with its line, column, raw value and reason, in file order
        String ana = Pdfs.text(Files.readAllBytes(close.statement("R001"))).replace('\n', ' ');
        assertThat(ana).containsSubsequence("Your bookings this pay does not move",
                "• B-2001 bookings.csv line 9: acv '12,500.00' rejected, not a decimal number (use '.' and no "
                        + "thousands separator): not paid this period",
                "• B-2005 bookings.csv line 41: currency 'EUR' rejected, no FX rate for EUR in 2026-10 (fx_rates.csv) "
                        + "to convert into the owner's pay currency USD: not paid this period",
                "• B-2010 bookings.csv line 81: booked_on '2026-10-32' rejected, not a date YYYY-MM-DD: not paid "
                        + "this period",
                "Pay this period");
        assertThat(ana).doesNotContain("B-2003", "B-2006", "B-1004");
        // R003's only reject is an identical re-delivery, counted once and paid: nothing to list
        assertThat(Pdfs.text(Files.readAllBytes(close.statement("R003")))).doesNotContain("B-1011 bookings.csv",
                "does not move");
        // the rows naming R999 (no roster row) and R010 (roster row rejected) are on no statement
        try (var statements = Files.list(close.out().resolve("statements/2026-10"))) {
            List<Path> pdfs = statements.toList();
            assertThat(pdfs).hasSize(10);
            for (Path pdf : pdfs) {
                assertThat(Pdfs.text(Files.readAllBytes(pdf))).as(pdf.toString())
                        .doesNotContain("B-2002", "B-2011");
            }
        }
    }
}
