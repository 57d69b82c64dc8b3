package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;

/**
 * With encryption on, each statement opens only with its rep's password from the passwords file,
 * and the email says so; a rep without a password stops the statements, named, without showing any
 * password, and the same command finishes once the file is fixed.
 */
class StatementEncryptionFunctionalTests {

    private static final List<String> REPS = List.of("M001", "R001", "R002", "R003", "R004", "R005", "R006", "R007",
            "R008", "R009");

    @TempDir
    Path work;

    @Test
    void eachStatementOpensOnlyWithItsRepsPassword() throws Exception {
        Path passwords = work.resolve("statement-passwords.csv");
        StringBuilder file = new StringBuilder("rep_id,password\n");
        REPS.stream().filter(r -> !r.equals("R009")).forEach(r -> file.append(r).append(",pw-").append(r).append('\n'));
        Files.writeString(passwords, file);
        CloseFixture close = CloseFixture.onH2(work.resolve("out"), false);
        List<String> args = close.closeArgs("--compclose.statement.encryption.enabled=true",
                "--compclose.statement.encryption.passwords-file=" + passwords);

        // R009 has no password: the statements stop, naming the rep and the file, never a password
        CliRun missing = CliRun.of(args);
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("failed in step renderStatements",
                passwords + " has no password for rep R009").doesNotContain("pw-");

        // with the file fixed, the same command finishes
        Files.writeString(passwords, file.append("R009,pw-R009\n"));
        CliRun fixed = CliRun.of(args);
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();

        byte[] pdf = Files.readAllBytes(close.statement("R006"));
        assertThatThrownBy(() -> Loader.loadPDF(pdf)).isInstanceOf(InvalidPasswordException.class);
        assertThatThrownBy(() -> Loader.loadPDF(pdf, "pw-R005")).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument opened = Loader.loadPDF(pdf, "pw-R006")) {
            assertThat(new PDFTextStripper().getText(opened)).contains("Farid Haddad", "USD 53,635.96");
            // AES-256 (the standard handler's revision 6, crypt filter AESV3), not RC4; printing and copying allowed
            PDEncryption encryption = opened.getEncryption();
            assertThat(encryption.getFilter()).isEqualTo("Standard");
            assertThat(encryption.getRevision()).isEqualTo(6);
            assertThat(encryption.getLength()).isEqualTo(256);
            assertThat(encryption.getStdCryptFilterDictionary().getCryptFilterMethod().getName()).isEqualTo("AESV3");
            assertThat(opened.getCurrentAccessPermission().canPrint()).isTrue();
            assertThat(opened.getCurrentAccessPermission().canExtractContent()).isTrue();
            assertThat(opened.getCurrentAccessPermission().canModify()).isFalse();
        }
        // and as poppler, the reader most Linux desktops use, reports it
        assertThat(pdfinfo(close.statement("R006"), "pw-R006")).contains("Encrypted:       yes (print:yes copy:yes "
                + "change:no addNotes:no algorithm:AES-256)");
        String email = Files.readString(work.resolve("out/outbox/2026-10/R006.eml"));
        assertThat(email).contains("The PDF is protected: open it with the statement password you were given.")
                .doesNotContain("pw-R006");
    }

    /** What {@code pdfinfo} (poppler-utils, which .ci/run installs when missing) prints of a PDF opened with the password. */
    private static String pdfinfo(Path pdf, String password) throws Exception {
        assertThat(Path.of("/usr/bin/pdfinfo")).as("pdfinfo (Debian's poppler-utils) is needed: run .ci/run or "
                + "apt-get install poppler-utils").exists();
        Process process = new ProcessBuilder("/usr/bin/pdfinfo", "-upw", password, pdf.toString())
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(printed).isZero();
        return printed;
    }
}
