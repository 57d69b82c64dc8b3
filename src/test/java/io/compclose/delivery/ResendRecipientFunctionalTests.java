package io.compclose.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;

/**
 * A statement goes only to its own rep, at the address the roster gives now: when the roster
 * changes between the close and a resend, and the rep's old address now belongs to another rep, the
 * resend goes to the new address and the other rep never receives it.
 */
class ResendRecipientFunctionalTests {

    @TempDir
    Path work;

    @Test
    void aResendAfterARosterChangeGoesToTheRepsNewAddressNeverToTheRepWhoNowHasTheOldOne() throws Exception {
        // given October closed: Ana's statement went to ana.alvarez@, Ben's to ben.brooks@
        Path out = work.resolve("out");
        CloseFixture october = CloseFixture.onH2(out, false);
        assertThat(october.close().exitCode()).isZero();
        Path outbox = out.resolve("outbox/2026-10");
        assertThat(email(outbox.resolve("R001.eml"))).isEqualTo(new Email("ana.alvarez@example.com",
                "statement-2026-10-R001.pdf", "Ana Alvarez"));

        // when November's roster moves Ana to a new address and gives her old one to Ben, and November is closed
        Path november = work.resolve("inbox-2026-11");
        Files.createDirectories(november);
        Files.writeString(november.resolve("reps.csv"), Files.readString(CloseFixture.SAMPLE_INBOX.resolve("reps.csv"))
                .replace("ana.alvarez@example.com", "ana.new@example.com")
                .replace("ben.brooks@example.com", "ana.alvarez@example.com"));
        Files.writeString(november.resolve("bookings.csv"), Files.readAllLines(
                CloseFixture.SAMPLE_INBOX.resolve("bookings.csv")).get(0) + "\n");
        copyPlans(november);
        CliRun novemberClose = CliRun.close("2026-11", november, out, october.databaseUrl(), "--allow-empty=bookings");
        assertThat(novemberClose.exitCode()).as(novemberClose.toString()).isZero();

        // and October's statements of Ana and Ben are sent again
        for (String rep : List.of("R001", "R002")) {
            CliRun resend = CliRun.of(List.of("resend", "--period=2026-10", "--rep=" + rep, "--by=Fiona Finance",
                    "--out=" + out));
            assertThat(resend.exitCode()).as(resend.toString()).isZero();
        }

        // then Ana's goes to her new address, and Ben's, with his own statement, to the address he has now
        assertThat(email(outbox.resolve("R001.resend-2.eml"))).isEqualTo(new Email("ana.new@example.com",
                "statement-2026-10-R001.pdf", "Ana Alvarez"));
        assertThat(email(outbox.resolve("R002.resend-2.eml"))).isEqualTo(new Email("ana.alvarez@example.com",
                "statement-2026-10-R002.pdf", "Ben Brooks"));
        // and every email of October carries the statement of the rep it was addressed to, at the time
        try (var files = Files.list(outbox)) {
            assertThat(files.sorted().map(ResendRecipientFunctionalTests::email).toList()).hasSize(12)
                    .filteredOn(e -> e.statementOf().equals("Ana Alvarez"))
                    .extracting(Email::to).containsExactly("ana.alvarez@example.com", "ana.new@example.com");
        }
        assertThat(october.jdbc().queryForList("""
                SELECT rep_id, send_no, recipient FROM delivery_log WHERE pay_period = '2026-10'
                AND rep_id IN ('R001', 'R002') ORDER BY rep_id, send_no""").stream()
                .map(r -> r.get("rep_id") + " " + r.get("send_no") + " " + r.get("recipient")).toList())
                .containsExactly("R001 1 ana.alvarez@example.com", "R001 2 ana.new@example.com",
                        "R002 1 ben.brooks@example.com", "R002 2 ana.alvarez@example.com");
    }

    /** Who an email went to, the statement it carries, and whose name that statement is made out to. */
    record Email(String to, String attachment, String statementOf) {
    }

    private static Email email(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Part pdf = pdfPart(message);
            String text = Pdfs.text(pdf.getInputStream().readAllBytes());
            String name = List.of("Ana Alvarez", "Ben Brooks", "Maria Manning").stream().filter(text::contains)
                    .findFirst().orElse("someone else");
            return new Email(message.getAllRecipients()[0].toString(), pdf.getFileName(), name);
        } catch (Exception e) {
            throw new IllegalStateException(eml + ": " + e.getMessage(), e);
        }
    }

    private static Part pdfPart(Part part) throws Exception {
        if (part.isMimeType("application/pdf")) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = pdfPart(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void copyPlans(Path inbox) throws Exception {
        Files.createDirectories(inbox.resolve("plans"));
        try (var plans = Files.list(CloseFixture.SAMPLE_INBOX.resolve("plans"))) {
            for (Path plan : plans.toList()) {
                Files.copy(plan, inbox.resolve("plans").resolve(plan.getFileName()));
            }
        }
    }
}
