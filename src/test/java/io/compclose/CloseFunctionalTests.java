package io.compclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;
import io.compclose.system.AtomicFiles;

/**
 * The whole close of the sample month through the real command line, asserting the figures
 * computed independently by ops/make-sample-inbox.py. Runs on H2 and on MariaDB (subclasses).
 */
abstract class CloseFunctionalTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(CloseFixture.greenMailSetup());

    @TempDir
    Path work;

    abstract CloseFixture fixture(Path out);

    @Test
    void closesTheSampleMonthEndToEnd() throws Exception {
        // given the sample inbox: 14 roster rows, 100 booking rows of which 11 are bad and 1 re-delivered
        CloseFixture close = fixture(work.resolve("out"));

        // when
        CliRun run = close.close();

        // then the close completed and says what it did
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Close of 2026-10: COMPLETED")
                .contains("Rejected input rows: 13 (bookings.csv 11, reps.csv 2); identical re-deliveries counted once: 2")
                .containsPattern("EUR\\s+22\\s+1,330,241.96\\s+2\\s+80,783.52")
                .containsPattern("USD\\s+66\\s+4,079,230.07\\s+6\\s+236,820.46");

        // the database holds every stage's rows
        assertThat(close.count("SELECT COUNT(*) FROM rep_assignment")).isEqualTo(11);
        assertThat(close.count("SELECT COUNT(*) FROM booking")).isEqualTo(88);
        assertThat(close.count("SELECT COUNT(*) FROM intake_reject WHERE kind = 'REJECTED'")).isEqualTo(13);
        assertThat(close.count("SELECT COUNT(*) FROM intake_reject WHERE kind = 'DUPLICATE'")).isEqualTo(2);
        assertThat(close.count("SELECT COUNT(*) FROM credit WHERE credit_share = 1")).isEqualTo(88);
        assertThat(close.count("SELECT COUNT(*) FROM earning_line")).isEqualTo(88);
        assertThat(close.count("SELECT COUNT(*) FROM payout")).isEqualTo(8);
        assertThat(close.count("SELECT COUNT(*) FROM statement")).isEqualTo(10);
        assertThat(close.count("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT' AND channel = 'SMTP'"))
                .isEqualTo(10);
        // R006 moved from AE-2026 to AM-2026 on 2026-10-16, and AE-2026 v2 (9 %) starts that day:
        // 4 bookings before at 8 %, 7 after at 5 %
        assertThat(close.jdbc().queryForList("""
                SELECT plan_id, plan_version, rate, COUNT(*) n FROM earning_line WHERE rep_id = 'R006'
                GROUP BY plan_id, plan_version, rate ORDER BY plan_id""").stream()
                .map(r -> r.get("plan_id") + " v" + r.get("plan_version") + " " + ((java.math.BigDecimal) r.get("rate"))
                        .stripTrailingZeros().toPlainString() + " x" + r.get("n")).toList())
                .containsExactly("AE-2026 v1 0.08 x4", "AM-2026 v1 0.05 x7");

        // the payroll file, row by row, with the amounts computed by hand (ops/make-sample-inbox.py)
        assertThat(Files.readAllLines(close.payrollCsv())).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E1001,R001,2026-10,COMMISSION,58081.95,USD",
                "E1002,R002,2026-10,COMMISSION,32358.14,USD",
                "E1003,R003,2026-10,COMMISSION,42814.24,EUR",
                "E1004,R004,2026-10,COMMISSION,37969.28,EUR",
                "E1005,R005,2026-10,COMMISSION,34799.89,USD",
                "E1006,R006,2026-10,COMMISSION,53635.96,USD",
                "E1007,R007,2026-10,COMMISSION,19994.21,USD",
                "E1009,R009,2026-10,COMMISSION,37950.31,USD");
        byte[] csv = Files.readAllBytes(close.payrollCsv());
        assertThat(Files.readAllLines(close.payrollCtl())).containsExactly(
                "file=payroll-2026-10.csv", "pay_period=2026-10", "row_count=8",
                "total_EUR=80783.52", "total_USD=236820.46", "sha256=" + AtomicFiles.sha256(csv));

        // the rejects file names file, line, column and reason, with hostile cells neutralised
        List<String> rejects = Files.readAllLines(close.out().resolve("rejects/rejects-2026-10.csv"));
        assertThat(rejects).hasSize(16).contains(
                "bookings.csv,9,acv,not a decimal number (use '.' and no thousands separator),\"12,500.00\"",
                "bookings.csv,17,owner_rep_id,unknown rep (no accepted row in reps.csv),R999",
                // R010 is on the roster, but their row was rejected: the booking's reject says so (issue 20, 6)
                "bookings.csv,89,owner_rep_id,\"unknown rep: rep R010's roster row, reps.csv line 5, was rejected "
                        + "(email: not an email address, 'jon.snowe-at-example.com'): fix that row\",R010",
                "bookings.csv,25,booked_on,outside the pay period 2026-10: 2026-09 is not a locked period here "
                        + "(a booking lands late only for a locked period),2026-09-30",
                "bookings.csv,97,acv,not a decimal number (use '.' and no thousands separator),'=1+1",
                "reps.csv,5,email,not an email address,jon.snowe-at-example.com",
                "reps.csv,15,plan_id,unknown plan (no file in plans/ defines it),XX-2099");

        // a statement a rep can recompute: every booking, rate, commission, and the total of the payroll file
        String farid = Pdfs.text(Files.readAllBytes(close.statement("R006")));
        assertThat(farid).contains("Farid Haddad", "October 2026", "E1006", "USD 53,635.96", "B-1062",
                "44,701.99 USD 100 % 44,701.99 8 % 3,576.16", "AE-2026 v1 bookings: Commission = credited ACV × 8 %",
                "AM-2026 v1 bookings: Commission = credited ACV × 5 %",
                // the year to date; he moved from AE to AM mid-month: each plan version with its days, and the
                // component once, 291,749.99 + 605,919.25 credited, 23,340.00 + 30,295.96 earned, no quota
                "Earned to date\n53,635.96\nPaid before\n0.00\nBalance carried\n0.00",
                "AE-2026 v1 · Account Executive, FY2026 · to 2026-10-15\nAM-2026 v1 · Account Manager, FY2026 · from 2026-10-16",
                "bookings: ACV 2026 897,669.24 no quota 53,635.96",
                "Earned this period 53,635.96 + earlier in 2026 0.00 = earned to date 53,635.96 USD.");
        String hiro = Pdfs.text(Files.readAllBytes(close.statement("R008")));
        assertThat(hiro).contains("Hiro Tanaka", "No credited bookings this period.", "USD 0.00");

        // one email per rep, to the roster address, with the statement attached
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(10);
        MimeMessage toFarid = Arrays.stream(received)
                .filter(m -> recipient(m).equals("farid.haddad@example.com")).findFirst().orElseThrow();
        assertThat(toFarid.getSubject()).isEqualTo("Your commission statement for October 2026");
        assertThat(toFarid.getMessageID()).isEqualTo("<statement.2026-10.R006.v1@compclose>");
        byte[] attachment = pdfAttachment(toFarid);
        assertThat(Pdfs.text(attachment)).contains("Farid Haddad", "USD 53,635.96");
    }

    @Test
    void aCompletedCloseDoesNothingTheSecondTime() throws Exception {
        // given a completed close
        CloseFixture close = fixture(work.resolve("out"));
        assertThat(close.close().exitCode()).isZero();
        byte[] payroll = Files.readAllBytes(close.payrollCsv());
        long modified = Files.getLastModifiedTime(close.payrollCsv()).toMillis();

        // when it is run again
        CliRun again = close.close();

        // then it says so, and nothing is paid, written or sent twice
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("The close of 2026-10 already completed")
                .contains("no payout, file or email goes out twice");
        assertThat(greenMail.getReceivedMessages()).hasSize(10);
        assertThat(Files.readAllBytes(close.payrollCsv())).isEqualTo(payroll);
        assertThat(Files.getLastModifiedTime(close.payrollCsv()).toMillis()).isEqualTo(modified);
        assertThat(close.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdfAttachment(Part part) throws Exception {
        if (part.isMimeType("application/pdf")) {
            return part.getInputStream().readAllBytes();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = pdfAttachment(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

}
