package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.cli.ServeProperties;

class PayrollFilesTests {

    @TempDir
    Path out;

    @Test
    void opensEveryFileACloseWritesAndNothingElse() throws Exception {
        Path payroll = Files.createDirectories(out.resolve("payroll"));
        for (String name : new String[] {"payroll-2026-10.csv", "payroll-2026-10-r2.ctl", "payroll-2026-10.adp.csv",
                "payroll-2026-10.csv.bak", "notes.txt"}) {
            Files.writeString(payroll.resolve(name), name);
        }
        Files.writeString(out.resolve("secret.csv"), "not payroll");
        PayrollFiles files = new PayrollFiles(new ServeProperties(out, out, Duration.ofMinutes(1), false));

        assertThat(files.file("payroll-2026-10.csv")).hasValue(payroll.resolve("payroll-2026-10.csv"));
        assertThat(files.file("payroll-2026-10-r2.ctl")).hasValue(payroll.resolve("payroll-2026-10-r2.ctl"));
        // a payroll layout's file (jobs/payroll-layouts/adp.yaml writes payroll-<period>.adp.csv)
        assertThat(files.file("payroll-2026-10.adp.csv")).hasValue(payroll.resolve("payroll-2026-10.adp.csv"));
        assertThat(files.file("payroll-2026-10.csv.bak")).isEmpty();
        assertThat(files.file("notes.txt")).isEmpty();
        assertThat(files.file("payroll-2026-11.csv")).as("not written").isEmpty();
        assertThat(files.file("../secret.csv")).isEmpty();
        assertThat(files.file("payroll-2026-10.../../secret.csv")).isEmpty();
    }
}
