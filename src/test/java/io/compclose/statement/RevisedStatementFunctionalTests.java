package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/** A revised statement splits the period's total into what payroll already paid and what this revision pays. */
class RevisedStatementFunctionalTests {

    @TempDir
    Path work;
    Path out;
    String url;

    @BeforeEach
    void database() {
        out = work.resolve("out");
        url = TestDatabases.of("h2", out, "compclose_revised");
    }

    @Test
    void aRevisedStatementShowsWhatWasAlreadyPaidAndWhatIsPaidNow() throws Exception {
        // version 1: K1 10,000 × 10 % = 1,000.00, paid in payroll-2026-10.csv
        assertThat(close("original", "2026-10", "10000").exitCode()).isZero();

        // the CRM corrects K1 to 12,000: 1,200.00 in all, of which 1,000.00 already paid and 200.00 paid now
        CliRun revision = close("corrected", "2026-10", "12000", "--revise");
        String ana = statement(revision, "payroll-2026-10-r2.csv", "E-A1,A1,2026-10,COMMISSION,200.00,USD",
                "2026-10/A1.v2.pdf");
        assertThat(ana).contains("K1 (Acme): 1,000.00 → 1,200.00 (+200.00)",
                "Total payout USD 1,200.00\nOf this total, already paid 1,000.00 USD, paid now 200.00 USD");
        String first = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10/A1.pdf")));
        assertThat(first).doesNotContain("already paid");
    }

    @Test
    void aCorrectionOfALockedMonthShowsTheDealsOldAndNewValues() throws Exception {
        // October: K1 10,000 × 10 % = 1,000.00; November's close locks October
        assertThat(close("october", "2026-10", "10000").exitCode()).isZero();

        // November: the CRM delivers K1 again at 12,000: earned to date 1,200.00 − paid 1,000.00 = 200.00,
        // paid as a correction of locked October
        CliRun november = close("november", "2026-11", "12000");
        String ana = statement(november, "payroll-2026-11.csv", "E-A1,A1,2026-11,ADJUSTMENT,200.00,USD",
                "2026-11/A1.pdf");
        assertThat(ana).contains("Corrections of locked months: each deal's old and new values",
                "K1 of 2026-10, corrected: booked 2026-10-05, ACV 10,000.00 USD → 12,000.00 USD");
    }

    /** The text of a statement of a close that completed, its payroll file holding the row given. */
    private String statement(CliRun run, String payroll, String row, String pdf) throws Exception {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/" + payroll))).contains(row);
        return Pdfs.text(Files.readAllBytes(out.resolve("statements/" + pdf)));
    }

    /** Closes the period with one booking, K1 of Ana, of the ACV given. */
    private CliRun close(String name, String period, String acv, String... options) throws Exception {
        Path inbox = TestInbox.write(work.resolve(name), period, TestInbox.THREE_AES, TestInbox.AE_10_PLAN,
                Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM," + acv
                        + ",,12,USD,,\n"));
        String[] all = new String[options.length + 1];
        all[0] = "--compclose.review.enabled=false";
        System.arraycopy(options, 0, all, 1, options.length);
        return CliRun.close(period, inbox, out, url, all);
    }
}
