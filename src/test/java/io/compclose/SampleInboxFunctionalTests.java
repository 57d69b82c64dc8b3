package io.compclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.Pdfs;
import io.compclose.support.TestDatabases;

/**
 * The demo of the README: the two sample months of jobs/samples/inbox closed one after the other, as
 * ops/demo.sh does. October stops at the review gate and is approved; November, which uses every input
 * file, pays what ops/make-sample-inbox.py computes independently, row by row.
 */
class SampleInboxFunctionalTests {

    private static final Path INBOX = Path.of("jobs/samples/inbox").toAbsolutePath();

    @TempDir
    Path out;

    @Test
    void octoberThenNovemberPayWhatTheGeneratorExpects() throws Exception {
        // given October closed: stopped at the gate (R010, R999), approved, continued
        String url = TestDatabases.h2(out);
        assertThat(close("2026-10", url).exitCode()).isEqualTo(3);
        CliRun approve = CliRun.of(List.of("approve", "--period=2026-10", "--by=Fiona Finance",
                "--note=R010 and R999 are not on the roster: not paid", "--out=" + out));
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        CliRun october = close("2026-10", url);
        assertThat(october.exitCode()).as(october.toString()).isZero();

        // when November is closed
        CliRun november = close("2026-11", url);

        // then it pays, per rep and earning code, the figures make-sample-inbox.py prints
        assertThat(november.exitCode()).as(november.toString()).isZero();
        assertThat(november.out()).contains("Rejected input rows: 0")
                .containsPattern("EUR\\s+2\\s+80,000.00\\s+2\\s+7,650.00")
                .containsPattern("USD\\s+7\\s+260,000.00\\s+9\\s+28,536.72");
        assertThat(Files.readAllLines(payroll("2026-11"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                // B-1001 (October, 12,716 x 8 % = 1,017.28) cancelled 20 November: AE-2026 v3 claws back in full;
                // credit 60 % of B-3001 = 42,000 + B-3002 80,000 = 122,000 of a 100,000 monthly quota:
                // 100,000 x 9 % + 22,000 x 15 % (accelerator above quota) = 9,000 + 3,300 = 12,300, of which
                // 22,000 x (15 % - 9 % at quota) = 1,320 is paid as ACCELERATOR and 12,300 - 1,320 as COMMISSION
                "E1001,R001,2026-11,ACCELERATOR,1320.00,USD",
                "E1001,R001,2026-11,CLAWBACK,-1017.28,USD",
                "E1001,R001,2026-11,COMMISSION,10980.00,USD",
                "E1001,R001,2026-11,SPIFF,500.00,USD", // B-3002 is a BACKUP deal
                "E1002,R002,2026-11,ADJUSTMENT,250.00,USD",
                "E1002,R002,2026-11,COMMISSION,3600.00,USD", // (40 % of 70,000 + 12,000) x 9 %
                "E1002,R002,2026-11,SPIFF,500.00,USD",
                "E1003,R003,2026-11,COMMISSION,4500.00,EUR", // 60,000 x 7.5 %
                // EMEA booked 1,330,241.96 in October + 80,000 in November >= 1,400,000: 2,000 in two
                "E1003,R003,2026-11,TEAM_POOL,1000.00,EUR",
                "E1004,R004,2026-11,ADJUSTMENT,150.00,EUR",
                "E1004,R004,2026-11,COMMISSION,1000.00,EUR", // 20,000 x 5 %
                "E1004,R004,2026-11,TEAM_POOL,1000.00,EUR",
                "E1005,R005,2026-11,COMMISSION,500.00,USD", // 10,000 x 5 %; its cancelled B-1005 has no clawback terms
                "E1005,R005,2026-11,MBO,160.00,USD", // 24,000 / 12 x 10 % x 0.8
                "E1006,R006,2026-11,COMMISSION,400.00,USD",
                // A-310's usage 25,300 on a baseline of (20,000 + 21,000 + 22,000) / 3 = 21,000: up 20.48 % >= 10 %
                "E1007,R007,2026-11,BONUS,1000.00,USD",
                "E1007,R007,2026-11,COMMISSION,1500.00,USD", // 50,000 x 3 %
                "E1008,R008,2026-11,COMMISSION,2700.00,USD",
                "E1009,R009,2026-11,MBO,180.00,USD", // 24,000 / 12 x 10 % x 0.9
                // 12 discovery meetings of 20: 24,000 / 12 x 60 % = 1,200; the draw tops up to 2,500
                "E1012,R012,2026-11,COMMISSION,1200.00,USD",
                "E1012,R012,2026-11,DRAW,1300.00,USD",
                // roll-up of every November booking at 1 %: USD 180,000 + EUR 80,000 x 1.08 (fx_rates.csv) = 346,400
                "E9001,M001,2026-11,COMMISSION,3464.00,USD");
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.ctl")))
                .contains("row_count=22", "total_EUR=7650.00", "total_USD=28536.72");

        // and the two months' payroll files pay nine earning codes
        Set<String> codes = new TreeSet<>();
        for (String period : List.of("2026-10", "2026-11")) {
            Files.readAllLines(payroll(period)).stream().skip(1).forEach(row -> codes.add(row.split(",")[3]));
        }
        assertThat(codes).containsExactly("ACCELERATOR", "ADJUSTMENT", "BONUS", "CLAWBACK", "COMMISSION", "DRAW", "MBO", "SPIFF",
                "TEAM_POOL");

        // and R001's statement shows the accelerator band and the clawback
        assertThat(out.resolve("statements/2026-11").toFile().list()).hasSize(11);
        String ana = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/R001.pdf")));
        assertThat(ana).contains("USD 11,782.72", "band 0–100 % of quota at 9 % + 100 %+ of quota at 15 %",
                "clawback of B-1001 (commission 1,017.28 paid in 2026-10)");
    }

    private CliRun close(String period, String url) {
        return CliRun.close(period, INBOX.resolve(period), out, url);
    }

    private Path payroll(String period) {
        return out.resolve("payroll/payroll-" + period + ".csv");
    }
}
