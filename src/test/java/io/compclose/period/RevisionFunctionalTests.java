package io.compclose.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.support.CliRun;
import io.compclose.support.Pdfs;
import io.compclose.support.SummaryCsv;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * A closed period recalculated from a corrected inbox: payroll gets a correction file of the
 * differences only, the reps whose statement changed get a revised statement that says what
 * changed, and the others get nothing.
 */
class RevisionFunctionalTests {

    private static final String REPS = TestInbox.THREE_AES;
    private static final String PLANS = TestInbox.AE_10_PLAN;
    private static final String BOOKINGS = TestInbox.BOOKINGS_HEADER;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void aRevisionPaysOnlyTheDifferencesAndReissuesOnlyTheStatementsThatChanged(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_revision");

        // revision 1: K1 10,000, K2 20,000, K3 30,000 at 10 %: Ana 1,000.00, Ben 2,000.00, Cy 3,000.00
        Path october = TestInbox.write(work.resolve("original"), "2026-10", REPS, PLANS, Map.of("bookings.csv", BOOKINGS
                + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM,10000,,12,USD,,\n"
                + "K2,2026-10-06,AC2,Beta,B1,NEW,PLATFORM,20000,,12,USD,,\n"
                + "K3,2026-10-07,AC3,Gamma,C1,NEW,PLATFORM,30000,,12,USD,,\n"));
        assertThat(close(october, out, url).exitCode()).isZero();
        Path payroll = out.resolve("payroll/payroll-2026-10.csv");
        byte[] firstPayroll = Files.readAllBytes(payroll);
        assertThat(Files.readAllLines(payroll)).containsExactly("employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E-A1,A1,2026-10,COMMISSION,1000.00,USD", "E-B1,B1,2026-10,COMMISSION,2000.00,USD",
                "E-C1,C1,2026-10,COMMISSION,3000.00,USD");

        // the CRM corrects K1 to 12,000 and withdraws K2; K3 stands
        Path corrected = TestInbox.write(work.resolve("corrected"), "2026-10", REPS, PLANS, Map.of("bookings.csv",
                BOOKINGS + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM,12000,,12,USD,,\n"
                        + "K3,2026-10-07,AC3,Gamma,C1,NEW,PLATFORM,30000,,12,USD,,\n"));
        CliRun revision = close(corrected, out, url, "--revise");

        // revision 2: Ana 1,200.00 (+200.00), Ben 0.00 (−2,000.00), Cy unchanged
        assertThat(revision.exitCode()).as(revision.toString()).isZero();
        assertThat(revision.out()).contains("Revising the close of 2026-10", "(revision 2)",
                "Close of 2026-10, revision 2: COMPLETED", "2 revised PDFs; the others are unchanged",
                "corrections only, the differences against the files already sent");
        assertThat(Files.readAllBytes(payroll)).as("the file payroll already has is never touched")
                .isEqualTo(firstPayroll);
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-r2.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E-A1,A1,2026-10,COMMISSION,200.00,USD", "E-B1,B1,2026-10,COMMISSION,-2000.00,USD");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10-r2.ctl"))).contains(
                "file=payroll-2026-10-r2.csv", "revision=2",
                "amounts=differences against the payroll files of 2026-10 already sent", "row_count=2",
                "total_USD=-1800.00");

        String ana = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10/A1.v2.pdf")));
        assertThat(ana).contains("Revised statement: it replaces version 1 of", "What changed:",
                "Payout: 1,000.00 → 1,200.00 (+200.00)", "COMMISSION: 1,000.00 → 1,200.00 (+200.00)",
                "K1 (Acme): 1,000.00 → 1,200.00 (+200.00)", "USD 1,200.00");
        String ben = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-10/B1.v2.pdf")));
        assertThat(ben).contains("Payout: 2,000.00 → 0.00 (-2,000.00)", "K2 (Beta) 2,000.00 → removed",
                "USD 0.00");
        assertThat(out.resolve("statements/2026-10/C1.v2.pdf")).doesNotExist();

        // the revision's close summary says what changed, rep by rep: Ana +200.00, Ben -2,000.00, Cy not listed
        String changes = "What changed in this revision: payout by rep";
        assertThat(SummaryCsv.read(out.resolve("reports/close-summary-2026-10-r2.csv")).section(changes))
                .containsExactly(
                        Map.of("item", "A1", "currency", "USD", "before", "1000.00", "after", "1200.00", "difference",
                                "200.00"),
                        Map.of("item", "B1", "currency", "USD", "before", "2000.00", "after", "0.00", "difference",
                                "-2000.00"));
        assertThat(Pdfs.text(Files.readAllBytes(out.resolve("reports/close-summary-2026-10-r2.pdf")))).contains(
                "Close of 2026-10, revision 2", changes, "Before After Difference", "A1 USD 1,000.00 1,200.00 200.00",
                "B1 USD 2,000.00 0.00 -2,000.00");

        // one more email each for Ana and Ben, none for Cy
        assertThat(Files.list(out.resolve("outbox/2026-10")).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("A1.eml", "A1.v2.eml", "B1.eml", "B1.v2.eml", "C1.eml");
        assertThat(Files.readString(out.resolve("outbox/2026-10/A1.v2.eml")))
                .contains("Subject: Your revised commission statement for October 2026");

        // running the close again does nothing; revising again with nothing changed issues nothing
        assertThat(close(corrected, out, url).out()).contains("already completed");
        CliRun third = close(corrected, out, url, "--revise");
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(third.out()).contains("revision 3", "payroll file  none: revision 3 changes no one's pay",
                "(0 revised PDFs; the others are unchanged)");
        assertThat(out.resolve("payroll/payroll-2026-10-r3.csv")).doesNotExist();
        assertThat(SummaryCsv.read(out.resolve("reports/close-summary-2026-10-r3.csv")).section(changes))
                .containsExactly(Map.of("item", "none"));
        assertThat(Files.list(out.resolve("outbox/2026-10")).count()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2"})
    void aPeriodNeverClosedOrFollowedByAClosedOneCannotBeRevised(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.h2(out);
        Path inbox = TestInbox.write(work, "2026-10", REPS, PLANS, Map.of("bookings.csv", BOOKINGS));
        CliRun never = close(inbox, out, url, "--revise");
        assertThat(never.exitCode()).isEqualTo(2);
        assertThat(never.err()).contains("there is no completed close of 2026-10 to revise");

        // once November has been closed on October's figures, October stays as it is
        assertThat(close(inbox, out, url, "--allow-empty=bookings").exitCode()).isZero();
        Path november = TestInbox.write(work, "2026-11", REPS, PLANS, Map.of("bookings.csv", BOOKINGS));
        assertThat(CliRun.of(List.of("close", "--period=2026-11", "--inbox=" + november, "--out=" + out,
                "--compclose.progress=false", "--allow-empty=bookings")).exitCode()).isZero();
        CliRun late = close(inbox, out, url, "--revise");
        assertThat(late.exitCode()).isEqualTo(2);
        assertThat(late.err()).contains("2026-10 is locked by the close of 2026-11",
                "in the inbox of the next open period, 2026-12");
    }

    private static CliRun close(Path inbox, Path out, String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("close", "--period=2026-10", "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false"));
        if (!url.startsWith("jdbc:h2:")) {
            args.add("--spring.datasource.url=" + url);
        }
        args.addAll(List.of(extra));
        return CliRun.of(args);
    }
}
