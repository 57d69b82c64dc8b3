package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.TestClock;
import io.compclose.support.TestDatabases;

/**
 * The daily usage intake through the command line: November's usage.csv to date, read on the 14th and
 * again on the 15th, as the close will read it, into a preview the close never reads.
 */
class UsageIntakeFunctionalTests {

    private static final String HEADER = "usage_id,account_id,product,usage_month,quantity,unit,revenue,currency\n";
    /** The 14th: four good rows, an identical re-delivery, a conflicting one, a credit note, a December row. */
    private static final String NOV_14 = HEADER + """
            U1,ACC-1,COMPUTE,2026-11,100,hours,1200.50,USD
            U2,ACC-1,STORAGE,2026-11,,,300,USD
            U3,ACC-2,COMPUTE,2026-11,,,800,EUR
            U4,ACC-1,COMPUTE,2026-10,,,50.25,USD
            U1,ACC-1,COMPUTE,2026-11,100,hours,1200.50,USD
            U2,ACC-1,STORAGE,2026-11,,,310,USD
            U5,ACC-3,COMPUTE,2026-11,,,-20,USD
            U6,ACC-3,COMPUTE,2026-12,,,10,USD
            """;
    /** The 15th: billing fixed U2, U5 and U6, and the month went on (U7). */
    private static final String NOV_15 = HEADER + """
            U1,ACC-1,COMPUTE,2026-11,100,hours,1200.50,USD
            U2,ACC-1,STORAGE,2026-11,,,310,USD
            U3,ACC-2,COMPUTE,2026-11,,,800,EUR
            U4,ACC-1,COMPUTE,2026-10,,,50.25,USD
            U1,ACC-1,COMPUTE,2026-11,100,hours,1200.50,USD
            U5,ACC-3,COMPUTE,2026-11,,,20,USD
            U7,ACC-3,COMPUTE,2026-11,,,0.12,USD
            """;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void eachDayPreviewsWhatTheCloseWillAcceptAndReject(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_usage_intake");
        Path inbox = work.resolve("inbox/2026-11");
        Files.createDirectories(inbox);

        // given November's usage to date on the 14th
        Files.writeString(inbox.resolve("usage.csv"), NOV_14);
        TestClock.shared().set(Instant.parse("2026-11-14T05:30:00Z"));

        // when
        CliRun day14 = intake(inbox, out, url);

        // then 4 rows accepted: November USD 1,200.50 + 300 = 1,500.50; EUR 800; October's 50.25 is baseline
        assertThat(day14.exitCode()).as(day14.toString()).isZero();
        assertThat(day14.out()).contains("Usage of 2026-11 to date, as of 2026-11-14 (execution ")
                .contains("): 4 rows accepted, 3 rejected, 1 identical re-delivery counted once")
                .containsPattern("2026-10  USD +1 rows +50\\.25  \\(an earlier month: baseline or a correction\\)")
                .containsPattern("2026-11  EUR +1 rows +800\\.00  \\(paid on at the close; needs its 2026-11 rate "
                        + "in fx_rates.csv\\)")
                .containsPattern("2026-11  USD +2 rows +1,500\\.50  \\(paid on at the close\\)");
        assertThat(Files.readAllLines(out.resolve("usage/2026-11/usage-to-date-2026-11-14.csv"))).containsExactly(
                "account_id,usage_month,currency,usage_rows,revenue",
                "ACC-1,2026-10,USD,1,50.25",
                "ACC-1,2026-11,USD,2,1500.50",
                "ACC-2,2026-11,EUR,1,800.00");
        assertThat(Files.readAllLines(out.resolve("usage/2026-11/rejects-2026-11-14.csv"))).containsExactly(
                "file,line,column,reason,raw_value",
                "usage.csv,6,usage_id,identical re-delivery of line 2 (counted once),U1",
                "usage.csv,7,usage_id,duplicate of line 3 with different content,U2",
                "usage.csv,8,revenue,must not be negative (credit notes belong in adjustments.csv),'-20",
                "usage.csv,9,usage_month,after the pay period 2026-11,2026-12");
        // the close's own tables are untouched: the preview can never change what the close pays
        CloseFixture db = new CloseFixture(out, url, false);
        assertThat(db.count("SELECT COUNT(*) FROM billed_usage")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM intake_reject")).isZero();

        // the same day again only reports
        CliRun again = intake(inbox, out, url);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already ran").contains("4 rows accepted, 3 rejected");
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);

        // the 15th: the file is read whole again and replaces the 14th's preview
        Files.writeString(inbox.resolve("usage.csv"), NOV_15);
        TestClock.shared().set(Instant.parse("2026-11-15T05:30:00Z"));
        CliRun day15 = intake(inbox, out, url);
        assertThat(day15.exitCode()).as(day15.toString()).isZero();
        // November USD: 1,200.50 + 310 + 20 + 0.12 = 1,530.62
        assertThat(day15.out()).contains("6 rows accepted, 0 rejected, 1 identical re-delivery counted once")
                .containsPattern("2026-11  USD +4 rows +1,530\\.62");
        assertThat(Files.readAllLines(out.resolve("usage/2026-11/usage-to-date-2026-11-15.csv"))).containsExactly(
                "account_id,usage_month,currency,usage_rows,revenue",
                "ACC-1,2026-10,USD,1,50.25",
                "ACC-1,2026-11,USD,2,1510.50",
                "ACC-2,2026-11,EUR,1,800.00",
                "ACC-3,2026-11,USD,2,20.12");
        assertThat(Files.readAllLines(out.resolve("usage/2026-11/rejects-2026-11-15.csv"))).containsExactly(
                "file,line,column,reason,raw_value",
                "usage.csv,6,usage_id,identical re-delivery of line 2 (counted once),U1");
        assertThat(out.resolve("usage/2026-11/usage-to-date-2026-11-14.csv")).exists();
        assertThat(db.count("SELECT COUNT(*) FROM usage_preview")).isEqualTo(6);
    }

    @Test
    void aFailedIntakeContinuesWhereItStoppedAndEndsWithTheSamePreview() throws Exception {
        Path out = work.resolve("out");
        Path inbox = work.resolve("inbox/2026-11");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("usage.csv"), NOV_14);
        TestClock.shared().set(Instant.parse("2026-11-14T05:30:00Z"));
        // given a crash in the second chunk of two rows
        FaultInjection.arm("stageUsage", 2);
        CliRun failed = intake(inbox, out, TestDatabases.h2(out), "--compclose.intake-chunk-size=2");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("injected fault");

        // when the same command runs again that day
        CliRun resumed = intake(inbox, out, TestDatabases.h2(out), "--compclose.intake-chunk-size=2");

        // then it continues after the first chunk, and the preview is the uninterrupted one
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("Restarting the usage intake of 2026-11 as of 2026-11-14 where execution ")
                .contains("4 rows accepted, 3 rejected, 1 identical");
        assertThat(Files.readAllLines(out.resolve("usage/2026-11/usage-to-date-2026-11-14.csv"))).containsExactly(
                "account_id,usage_month,currency,usage_rows,revenue",
                "ACC-1,2026-10,USD,1,50.25",
                "ACC-1,2026-11,USD,2,1500.50",
                "ACC-2,2026-11,EUR,1,800.00");
        assertThat(Files.readAllLines(out.resolve("usage/2026-11/rejects-2026-11-14.csv"))).hasSize(5);
    }

    @Test
    void aMissingUsageFileIsBadInput() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox/2026-11"));
        Path out = work.resolve("out");
        TestClock.shared().set(Instant.parse("2026-11-14T05:30:00Z"));

        CliRun run = intake(inbox, out, TestDatabases.h2(out));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("compclose: usage.csv: required file not found in " + inbox);
    }

    private static CliRun intake(Path inbox, Path out, String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("usage-intake", "--period=2026-11", "--inbox=" + inbox,
                "--out=" + out, "--compclose.progress=false"));
        if (!url.startsWith("jdbc:h2:")) {
            args.add("--spring.datasource.url=" + url);
        }
        args.addAll(List.of(extra));
        return CliRun.of(args, TestClock.InContext.class, FaultInjection.class);
    }
}
