package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

    @Test
    void aRevisedStatementShowsWhatWasAlreadyPaidAndWhatIsPaidNow() throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of("h2", out, "compclose_revised");
        // version 1: K1 10,000 × 10 % = 1,000.00, paid in payroll-2026-10.csv
        assertThat(close("original", "10000", out, url).exitCode()).isZero();

        // the CRM corrects K1 to 12,000: 1,200.00 in all, of which 1,000.00 already paid and 200.00 paid now
        CliRun revision = close("corrected", "12000", out, url, "--revise");
        assertThat(revision.exitCode()).as(revision.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-r2.csv")))
                .contains("E-A1,A1,2026-10,COMMISSION,200.00,USD");

        String ana = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10/A1.v2.pdf")));
        assertThat(ana).contains("K1 (Acme): 1,000.00 → 1,200.00 (+200.00)",
                "Total payout USD 1,200.00\nOf this total, already paid 1,000.00 USD, paid now 200.00 USD");
        String first = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10/A1.pdf")));
        assertThat(first).doesNotContain("already paid");
    }

    @Test
    void aCorrectionOfALockedMonthShowsTheDealsOldAndNewValues() throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of("h2", out, "compclose_corrected");
        // October: K1 10,000 × 10 % = 1,000.00; November's close locks October
        assertThat(close("october", "10000", out, url).exitCode()).isZero();

        // November: the CRM delivers K1 again at 12,000: earned to date 1,200.00 − paid 1,000.00 = 200.00,
        // paid as a correction of locked October
        CliRun november = close("november", "2026-11", "12000", out, url);
        assertThat(november.exitCode()).as(november.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.csv")))
                .contains("E-A1,A1,2026-11,ADJUSTMENT,200.00,USD");

        String ana = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/A1.pdf")));
        assertThat(ana).contains("Corrections of locked months: each deal's old and new values",
                "K1 of 2026-10, corrected: booked 2026-10-05, ACV 10,000.00 USD → 12,000.00 USD");
    }

    private CliRun close(String name, String acv, Path out, String url, String... options) throws Exception {
        return close(name, "2026-10", acv, out, url, options);
    }

    private CliRun close(String name, String period, String acv, Path out, String url, String... options)
            throws Exception {
        Path inbox = TestInbox.write(work.resolve(name), period, TestInbox.THREE_AES, TestInbox.AE_10_PLAN,
                Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM," + acv
                        + ",,12,USD,,\n"));
        String[] all = new String[options.length + 1];
        all[0] = "--compclose.review.enabled=false";
        System.arraycopy(options, 0, all, 1, options.length);
        return CliRun.close(period, inbox, out, url, all);
    }
}
