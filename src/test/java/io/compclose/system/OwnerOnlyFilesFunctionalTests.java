package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;

/**
 * Everything a close writes is personal data (pay, statements, emails, the database, the log): on a
 * POSIX file system each file is readable by its owner only (0600) and each folder it creates 0700,
 * however permissive the umask.
 */
class OwnerOnlyFilesFunctionalTests {

    @TempDir
    Path work;

    @Test
    void everyFileAndFolderOfADemoCloseAndAResendIsOwnerOnly() throws IOException {
        // given an output folder that does not exist yet
        Path out = work.resolve("out");
        CloseFixture fixture = CloseFixture.onH2(out, false);

        // when the demo close runs (statements go to the outbox) and a statement is sent again
        CliRun close = fixture.close();
        assertThat(close.exitCode()).as(close.toString()).isZero();
        CliRun resend = CliRun.of(List.of("resend", "--period=2026-10", "--rep=R001", "--out=" + out));
        assertThat(resend.exitCode()).as(resend.toString()).isZero();

        // then each kind of output is there, readable by its owner only
        Map<String, String> permissions = permissionsUnder(out);
        assertThat(permissions).containsEntry("payroll/payroll-2026-10.csv", "rw-------")
                .containsEntry("payroll/payroll-2026-10.ctl", "rw-------")
                .containsEntry("statements/2026-10/R001.pdf", "rw-------")
                .containsEntry("reports/close-summary-2026-10.pdf", "rw-------")
                .containsEntry("reports/close-summary-2026-10.csv", "rw-------")
                .containsEntry("rejects/rejects-2026-10.csv", "rw-------")
                .containsEntry("outbox/2026-10/R001.eml", "rw-------")
                .containsEntry("outbox/2026-10/R001.resend-2.eml", "rw-------")
                .containsEntry("logs/compclose.log", "rw-------")
                .containsEntry(".", "rwx------")
                .containsEntry("payroll", "rwx------")
                .containsEntry("statements/2026-10", "rwx------")
                .containsEntry("outbox/2026-10", "rwx------")
                .containsEntry("db", "rwx------");
        // and nothing else under it either; H2 creates its own files with the umask, behind its 0700 folder
        assertThat(permissions).containsKey("db/compclose.mv.db");
        permissions.keySet().removeIf(name -> name.startsWith("db/"));
        assertThat(permissions.values()).allMatch(p -> p.equals("rw-------") || p.equals("rwx------"),
                "owner-only");
        assertThat(permissions).hasSizeGreaterThan(30);
    }

    private static Map<String, String> permissionsUnder(Path out) throws IOException {
        Map<String, String> permissions = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(out)) {
            for (Path path : paths.toList()) {
                String name = out.relativize(path).toString();
                permissions.put(name.isEmpty() ? "." : name,
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            }
        }
        return permissions;
    }
}
