package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FullDisk;
import io.compclose.support.TestDatabases;

/**
 * A disk that fills up under the close: its log file can take no more, nor can its outputs. The
 * console says what failed in CompClose's own lines, and nothing else: logback printed each failed
 * log write to stderr with its stack trace (issue 20: 318 stack-frame lines before the close's line).
 */
class FullDiskFunctionalTests {

    @TempDir
    Path work;

    @Test
    void aFullDiskLeavesTheConsoleToTheClosesOwnLines() throws Exception {
        // given a close on MariaDB whose output folder, log file included, is on a full file system
        Path out = work.resolve("out");
        CloseFixture close = new CloseFixture(out, TestDatabases.freshMariaDb("compclose_full_disk"), false);
        CliRun run;
        String console;
        String how;
        boolean wholeFolder;
        try (FullDisk full = FullDisk.at(out)) {
            how = full.how();
            wholeFolder = full.wholeFolder();
            List<String> args = close.closeArgs("--logging.file.name=" + full.logFile());

            // when it runs, with the JVM's own stderr and stdout (where logback writes) watched too
            ByteArrayOutputStream stray = new ByteArrayOutputStream();
            PrintStream err = System.err;
            PrintStream sysOut = System.out;
            try (PrintStream watch = new PrintStream(stray, true, StandardCharsets.UTF_8)) {
                System.setErr(watch);
                System.setOut(watch);
                run = CliRun.of(args);
            } finally {
                System.setErr(err);
                System.setOut(sysOut);
            }
            console = stray.toString(StandardCharsets.UTF_8);
        }

        // then nothing reaches the console but the close's own lines: no frame, no logback status
        assertThat(console).as(how + "\n" + run).doesNotContain("\tat ", "ERROR in ", "Exception", "No space left");
        assertThat(console).as(how).isEmpty();
        assertThat(run.err() + run.out()).as(how).doesNotContain("\tat ", "Exception");
        if (wholeFolder) {
            // the first file the close writes fails its step, and that line names the file and the reason
            assertThat(run.exitCode()).as(how + "\n" + run).isEqualTo(1);
            assertThat(run.err()).as(how).startsWith("compclose: the close of 2026-10 failed in step ")
                    .contains("No space left on device").contains("run the same command again");
            assertThat(run.err().lines()).as(how + "\n" + run).hasSize(2);
        } else {
            // only the log file is full: the close completes, and says nothing of the log
            assertThat(run.exitCode()).as(how + "\n" + run).isZero();
            assertThat(run.err()).as(how).isEmpty();
        }
    }
}
