package io.compclose.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.compclose.support.CliRun;
import io.compclose.support.Pdfs;
import io.compclose.support.SummaryCsv;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;

/**
 * Statement emails go out at most once, through a real SMTP server that is sometimes down, and exactly
 * once through the outbox, even across a crash between claiming an email and writing it.
 */
class DeliveryFunctionalTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(CloseFixture.greenMailSetup());

    @TempDir
    Path work;

    @Test
    void anUnreachableServerFailsTheCloseAndTheRestartSendsEachStatementOnce() throws Exception {
        // given a close whose SMTP server is not listening: each statement is tried 3 times, and after
        // 5 statements in a row the server is taken to be down
        Path out = work.resolve("out");
        CloseFixture close = CloseFixture.onH2(out, true);
        List<String> downArgs = close.closeArgs().stream()
                .map(a -> a.startsWith("--spring.mail.port=") ? "--spring.mail.port=" + CloseFixture.NO_SERVER_PORT : a)
                .toList();
        CliRun down = CliRun.of(downArgs);
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
        assertThat(down.err()).contains("failed in step deliverStatements")
                .contains("5 statements in a row were not delivered after 3 attempts each (the last, to "
                        + "dieter.krause@example.com: mail server unreachable")
                .contains("the mail server seems unavailable");
        assertThat(close.jdbc().queryForList("SELECT rep_id, outcome, attempts FROM delivery_log ORDER BY rep_id")
                .stream().map(r -> r.get("rep_id") + " " + r.get("outcome") + " " + r.get("attempts")).toList())
                .containsExactly("M001 FAILED 3", "R001 FAILED 3", "R002 FAILED 3", "R003 FAILED 3", "R004 FAILED 3");
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        // and a send that was interrupted half-way (its fate unknown) for another rep
        close.jdbc().update("""
                INSERT INTO delivery_log (pay_period, rep_id, statement_version, recipient, channel, message_id,
                    outcome, attempted_at) VALUES ('2026-10', 'R009', 1, 'isla.murphy@example.com', 'SMTP', 'x',
                    'SENDING', CURRENT_TIMESTAMP)""");

        // when the server is back and the close runs again
        CliRun back = close.close();

        // then the failed send is retried, the uncertain one is not repeated, and everyone else gets one email
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(9)
                .extracting(m -> m.getAllRecipients()[0].toString())
                .doesNotHaveDuplicates()
                .contains("maria.manning@example.com")
                .doesNotContain("isla.murphy@example.com");
        assertThat(close.count("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT'")).isEqualTo(9);
        assertThat(back.out()).contains("9 sent by SMTP")
                .contains("1 unconfirmed (interrupted while sending; not sent again automatically)");
        // and the close summary lists the unconfirmed statement as not delivered, in the CSV and the PDF, and
        // only it: the failed sends went on the restart
        String unconfirmed = "isla.murphy@example.com: unconfirmed: interrupted while sending, it may or may not "
                + "have arrived; not sent again by itself (ask the rep, then resend --rep=R009 if it did not)";
        assertThat(SummaryCsv.read(out.resolve("reports/close-summary-2026-10.csv")).section("Statements not delivered"))
                .containsExactly(Map.of("item", "R009 v1", "detail", unconfirmed));
        String summary = Pdfs.text(Files.readAllBytes(out.resolve("reports/close-summary-2026-10.pdf")))
                .replaceAll("\\s+", " ");
        assertThat(summary).contains("Statements not delivered").contains("R009 v1")
                .contains(unconfirmed).doesNotContain("M001 v1");
    }

    @Test
    void outboxSendsAKilledCloseLeftHalfDoneAreSettledByWhatTheOutboxHolds() throws Exception {
        // given a close through the outbox that died in deliverStatements after its first chunk (7 statements)
        Path out = work.resolve("out");
        CloseFixture close = CloseFixture.onH2(out, false);
        FaultInjection.arm("deliverStatements", 2);
        assertThat(close.close(FaultInjection.class).exitCode()).isEqualTo(1);
        Path outbox = out.resolve("outbox/2026-10");
        // and, as a SIGKILL between claim and "sent" leaves them: R001's email written but its claim still
        // SENDING, R009's claimed but never written
        var jdbc = close.jdbc();
        assertThat(jdbc.update("UPDATE delivery_log SET outcome = 'SENDING', attempts = 0 WHERE rep_id = 'R001'"))
                .isOne();
        jdbc.update("""
                INSERT INTO delivery_log (pay_period, rep_id, statement_version, recipient, channel, message_id,
                    outcome, attempted_at) VALUES ('2026-10', 'R009', 1, 'isla.murphy@example.com', 'OUTBOX', 'x',
                    'SENDING', CURRENT_TIMESTAMP)""");
        Object r001File = Files.readAttributes(outbox.resolve("R001.eml"), BasicFileAttributes.class).fileKey();
        assertThat(outbox.resolve("R009.eml")).doesNotExist();

        // when the close runs again
        CliRun again = close.close();

        // then R001 counts as sent and is not written again, R009 is written once, and every statement is sent
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Files.readAttributes(outbox.resolve("R001.eml"), BasicFileAttributes.class).fileKey())
                .as("R001.eml is the file written before the crash").isEqualTo(r001File);
        assertThat(Files.readString(outbox.resolve("R009.eml"))).contains("To: isla.murphy@example.com");
        try (var files = Files.list(outbox)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(10).allMatch(f -> f.endsWith(".eml"));
        }
        assertThat(jdbc.queryForList("SELECT rep_id, outcome, attempts FROM delivery_log WHERE rep_id IN ('R001', "
                + "'R009')").stream().map(r -> r.get("rep_id") + " " + r.get("outcome") + " " + r.get("attempts"))
                .toList()).containsExactlyInAnyOrder("R001 SENT 1", "R009 SENT 1");
        assertThat(close.count("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT'")).isEqualTo(10);
        assertThat(again.out()).contains("10 written as .eml").doesNotContain("unconfirmed");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenStopsBeforeAnything() throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(work.resolve("file"), "x");
        CliRun run = CliRun.of(List.of("close", "--period=2026-10", "--inbox=" + CloseFixture.SAMPLE_INBOX,
                "--out=" + notAFolder.resolve("out")));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("compclose: cannot write to the output folder " + notAFolder.resolve("out"));
    }
}
