package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;

/**
 * Passwords come from the environment or from files, never from the command line, and never
 * appear in what CompClose prints or logs, even when they are wrong or a URL quotes one.
 */
class SecretsFunctionalTests {

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--spring.datasource.password=Hunter2-cli | spring.datasource.password | SPRING_DATASOURCE_PASSWORD",
            "--spring.mail.password=Hunter2-cli | spring.mail.password | SPRING_MAIL_PASSWORD",
            "--spring.liquibase.password=Hunter2-cli | spring.liquibase.password | SPRING_LIQUIBASE_PASSWORD",
            "--compclose.extract.password=Hunter2-cli | compclose.extract.password | COMPCLOSE_EXTRACT_PASSWORD",
            "--spring.datasource.url=jdbc:mysql://db:3306/cc?user=cc&password=Hunter2-cli | spring.datasource.url "
                    + "| SPRING_DATASOURCE_PASSWORD",
            "--compclose.extract.url=jdbc:mysql://crm:Hunter2-cli@replica/crm | compclose.extract.url "
                    + "| COMPCLOSE_EXTRACT_PASSWORD"})
    void aPasswordOnTheCommandLineIsRefusedNamingTheEnvironmentVariableAndTheFile(String argument, String setting,
            String variable) {
        Path out = work.resolve("out");

        CliRun run = CliRun.of(List.of("close", "--period=2026-10", "--inbox=" + CloseFixture.SAMPLE_INBOX,
                "--out=" + out, argument));

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("compclose: " + setting + " carries a secret on the command line, where "
                + "every user of this machine can read it (ps) and the shell history keeps it: set " + variable
                + " in the environment instead, or put it in a file named "
                + variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.') + " in a folder given as "
                + "SPRING_CONFIG_IMPORT=configtree:FOLDER/");
        assertThat(run.out() + run.err()).doesNotContain("Hunter2");
        assertThat(out).doesNotExist(); // refused before anything started
    }

    @Test
    void aPasswordAsAJavaSystemPropertyIsRefusedToo() {
        System.setProperty("spring.mail.password", "Hunter2-dash-d");
        try {
            CliRun run = CliRun.of(List.of("status", "--out=" + work.resolve("out")));

            assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).startsWith("compclose: spring.mail.password carries a secret as a -D option of the "
                    + "java command, where every user of this machine can read it (ps)").doesNotContain("Hunter2");
        } finally {
            System.clearProperty("spring.mail.password");
        }
    }

    @Test
    void thePasswordFromAFileOpensTheDatabaseAndAWrongOneIsNeverEchoed() throws Exception {
        // given an embedded database created with a password, which is kept in a secrets folder
        Path out = work.resolve("out");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Files.writeString(secrets.resolve("spring.datasource.password"), "Right-Pw-4711\n");
        CloseFixture fixture = CloseFixture.onH2(out, false);

        // when the close runs with the password from the file
        CliRun close = CliRun.of(withSecrets(fixture.closeArgs(), secrets));

        // then it opens the database and completes
        assertThat(close.exitCode()).as(close.toString()).isZero();

        // when the file holds a wrong password
        Files.writeString(secrets.resolve("spring.datasource.password"), "Wrong-Pw-0815\n");
        CliRun wrong = CliRun.of(withSecrets(List.of("status", "--out=" + out), secrets));

        // then the command does not start (exit 5), saying why, without either password, on screen or in the log
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCode.NOT_STARTED);
        assertThat(wrong.err()).contains("Wrong user name or password");
        assertThat(wrong.out() + wrong.err() + close.out() + close.err() + log(out))
                .doesNotContain("Right-Pw-4711").doesNotContain("Wrong-Pw-0815");
    }

    @Test
    void aUrlThatQuotesItsPasswordIsMaskedInTheMessageAndTheLog() throws Exception {
        // given a database URL whose driver is unknown and which carries its password, from a file
        Path out = work.resolve("out");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Files.writeString(secrets.resolve("spring.datasource.url"),
                "jdbc:nosuchdb://db.internal:3306/cc?user=cc&password=Url-Pw-1234&ssl=true");

        // when a command starts
        CliRun run = CliRun.of(withSecrets(List.of("status", "--out=" + out), secrets));

        // then it does not start (exit 5), naming the URL with its password masked
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOT_STARTED);
        assertThat(run.err()).contains("jdbc:nosuchdb://db.internal:3306/cc?user=cc&password=****&ssl=true");
        assertThat(log(out)).contains("password=****").contains("Caused by");
        assertThat(run.out() + run.err() + log(out)).doesNotContain("Url-Pw-1234");
    }

    private static List<String> withSecrets(List<String> args, Path secrets) {
        List<String> all = new ArrayList<>(args);
        all.add("--spring.datasource.username=compclose");
        all.add("--spring.config.import=configtree:" + secrets + "/");
        return all;
    }

    private static String log(Path out) throws Exception {
        return Files.readString(out.resolve("logs").resolve("compclose.log"));
    }
}
