package io.compclose.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.SummaryCsv;
import io.compclose.support.CloseFixture;
import io.compclose.support.ScriptedSmtpServer;

/**
 * Delivery through an SMTP server that refuses some recipients: a "try again later" (4xx) is retried
 * and delivered, a permanent refusal (5xx) is listed for finance while every other rep is served,
 * and {@code resend} sends exactly one more email, to the roster address as it stands.
 */
class DeliveryRetryAndResendFunctionalTests {

    @TempDir
    Path work;

    @Test
    void aTransientRefusalIsRetriedAPermanentOneListedAndResendSendsExactlyOneMore() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            // given Isla's mail server greylists the first attempt and Maria's mailbox does not exist
            smtp.refuse("isla.murphy@example.com", "451 4.7.1 greylisted, try again later");
            smtp.refuse("maria.manning@example.com", "550 5.1.1 mailbox unavailable", "550 5.1.1 mailbox unavailable");
            // (a permanent refusal is not retried: the second reply is still waiting when the close has run)
            Path out = work.resolve("out");
            CloseFixture fixture = CloseFixture.onH2(out, false);
            List<String> args = new ArrayList<>(fixture.closeArgs());
            args.addAll(smtpArgs(smtp));

            // when the close runs
            CliRun close = CliRun.of(args);

            // then it completes: Isla's statement went on the second attempt, Maria's is listed, the others went once
            assertThat(close.exitCode()).as(close.toString()).isZero();
            assertThat(smtp.recipients()).hasSize(9).doesNotHaveDuplicates().contains("isla.murphy@example.com")
                    .doesNotContain("maria.manning@example.com");
            assertThat(fixture.jdbc().queryForList("""
                    SELECT rep_id, outcome, attempts, detail FROM delivery_log
                    WHERE rep_id IN ('M001', 'R009', 'R001') ORDER BY rep_id""").stream()
                    .map(r -> r.get("rep_id") + " " + r.get("outcome") + " " + r.get("attempts") + " " + r.get("detail"))
                    .toList()).containsExactly(
                    "M001 FAILED 1 permanent, 1 attempt: recipient refused: 550 5.1.1 mailbox unavailable",
                    "R001 SENT 1 null",
                    "R009 SENT 2 null");
            assertThat(close.out()).contains("9 sent by SMTP", "1 not delivered (listed below)",
                    "Statements not delivered: 1",
                    "M001 to maria.manning@example.com: permanent, 1 attempt: recipient refused: 550 5.1.1 mailbox "
                            + "unavailable",
                    "resend --period=2026-10 [--rep=ID]");
            assertThat(SummaryCsv.read(out.resolve("reports/close-summary-2026-10.csv"))
                    .section("Statements not delivered")).containsExactly(Map.of("item", "M001 v1", "detail",
                            "maria.manning@example.com: permanent, 1 attempt: recipient refused: 550 5.1.1 mailbox "
                                    + "unavailable"));

            // when the mailbox exists again and finance resends what was not delivered
            smtp.accept("maria.manning@example.com");
            CliRun resend = CliRun.of(resendArgs(out, smtp, "--by=Fiona Finance"));

            // then Maria gets exactly one email, recorded as the statement's second send
            assertThat(resend.exitCode()).as(resend.toString()).isZero();
            assertThat(resend.out()).contains("Sent statement 2026-10 of M001 (version 1, send 2) to "
                    + "maria.manning@example.com");
            assertThat(smtp.recipients()).hasSize(10).containsOnlyOnce("maria.manning@example.com");
            assertThat(fixture.jdbc().queryForList("""
                    SELECT send_no, outcome, requested_by FROM delivery_log WHERE rep_id = 'M001' ORDER BY send_no""")
                    .stream().map(r -> r.get("send_no") + " " + r.get("outcome") + " " + r.get("requested_by"))
                    .toList()).containsExactly("1 FAILED null", "2 SENT Fiona Finance");

            // and a second resend of the period finds nothing left to send
            CliRun again = CliRun.of(resendArgs(out, smtp));
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("Every statement of 2026-10 was delivered; nothing to resend.");
            assertThat(smtp.recipients()).hasSize(10);

            // when Ana lost her email and has a new address on the roster since the close
            fixture.jdbc().update("UPDATE rep_assignment SET email = 'ana.new@example.com' WHERE rep_id = 'R001'");
            CliRun ana = CliRun.of(resendArgs(out, smtp, "--rep=R001"));

            // then exactly one more email goes, to the roster address as it stands now
            assertThat(ana.exitCode()).as(ana.toString()).isZero();
            assertThat(smtp.recipients()).hasSize(11).endsWith("ana.new@example.com");
            assertThat(smtp.received().get(10).data()).contains("Message-ID: <statement.2026-10.R001.v1.s2@compclose>");
        }
    }

    @Test
    void aServerThatStaysUnavailableForOneRepIsRetriedThenListedWhileEveryoneElseIsServed() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            // given Isla's mail goes through a relay that answers "service not available" to every attempt
            smtp.refuse("isla.murphy@example.com", "421 4.3.2 service not available", "421 4.3.2 service not available",
                    "421 4.3.2 service not available");
            CloseFixture fixture = CloseFixture.onH2(work.resolve("out"), false);
            List<String> args = new ArrayList<>(fixture.closeArgs());
            args.addAll(smtpArgs(smtp));

            // when the close runs
            CliRun close = CliRun.of(args);

            // then her statement was tried 3 times and is listed; the nine others went once each
            assertThat(close.exitCode()).as(close.toString()).isZero();
            assertThat(smtp.recipients()).hasSize(9).doesNotHaveDuplicates().doesNotContain("isla.murphy@example.com");
            assertThat(fixture.jdbc().queryForList("SELECT outcome, attempts, detail FROM delivery_log WHERE rep_id "
                    + "= 'R009'").stream().map(r -> r.get("outcome") + " " + r.get("attempts") + " " + r.get("detail"))
                    .toList()).containsExactly("FAILED 3 transient, 3 attempts: recipient refused: 421 4.3.2 service "
                            + "not available");
            assertThat(close.out()).contains("9 sent by SMTP", "1 not delivered (listed below)",
                    "R009 to isla.murphy@example.com: transient, 3 attempts: recipient refused: 421 4.3.2 service "
                            + "not available");
        }
    }

    @Test
    void resendWaitsForTheCloseAndNamesAnUnknownRep() {
        Path out = work.resolve("out");
        CliRun early = CliRun.of(List.of("resend", "--period=2026-10", "--out=" + out, "--compclose.progress=false"));
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("the close of 2026-10 has not run; run or restart it with 'close'");

        CloseFixture fixture = CloseFixture.onH2(out, false);
        assertThat(fixture.close().exitCode()).isZero();
        CliRun unknown = CliRun.of(List.of("resend", "--period=2026-10", "--rep=R404", "--out=" + out));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("there is no 2026-10 statement of rep R404");
        CliRun badPeriod = CliRun.of(List.of("resend", "--period=2026-13", "--out=" + out));
        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err()).contains("--period must be a month YYYY-MM");
    }

    private static List<String> smtpArgs(ScriptedSmtpServer smtp) {
        return List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
                "--compclose.delivery.backoff=10ms");
    }

    private static List<String> resendArgs(Path out, ScriptedSmtpServer smtp, String... extra) {
        List<String> args = new ArrayList<>(List.of("resend", "--period=2026-10", "--out=" + out,
                "--compclose.progress=false"));
        args.addAll(smtpArgs(smtp));
        args.addAll(List.of(extra));
        return args;
    }
}
