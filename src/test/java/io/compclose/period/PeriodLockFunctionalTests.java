package io.compclose.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.compclose.support.CliRun;
import io.compclose.support.SummaryCsv;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * A locked period never changes: its close refuses to run again, and late bookings and corrections
 * for it land in the next open period, paid as adjustments that name what they correct.
 */
class PeriodLockFunctionalTests {

    private static final String REPS = TestInbox.THREE_AES;
    private static final String PLANS = TestInbox.AE_10_PLAN;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void lateBookingsAndCorrectionsForALockedPeriodLandInTheNextAsNamedAdjustments(String database)
            throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_lock");

        // October at 10 %: Ana K1 10,000 + K2 20,000 = 3,000.00; Ben K3 30,000 = 3,000.00
        Path october = TestInbox.write(work, "2026-10", REPS, PLANS, Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER
                + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM,10000,,12,USD,,\n"
                + "K2,2026-10-06,AC2,Beta,A1,NEW,PLATFORM,20000,,12,USD,,\n"
                + "K3,2026-10-07,AC3,Gamma,B1,NEW,PLATFORM,30000,,12,USD,,\n"));
        assertThat(close("2026-10", october, out, url).exitCode()).isZero();
        Path octoberPayroll = out.resolve("payroll/payroll-2026-10.csv");
        byte[] octoberFile = Files.readAllBytes(octoberPayroll);
        assertThat(run(url, out, "lock", "--period=2026-11", "--by=controller").err())
                .contains("2026-11 has no completed close to lock");

        CliRun lock = run(url, out, "lock", "--period=2026-10", "--by=controller", "--note=payroll imported");
        assertThat(lock.exitCode()).as(lock.toString()).isZero();
        assertThat(lock.out()).contains("Locked 2026-10 (revision 1, closed", "by controller",
                "late inputs and corrections for 2026-10 go in the inbox of 2026-11");
        assertThat(run(url, out, "lock", "--period=2026-10", "--by=someone").out())
                .contains("2026-10 is already locked by controller on", "(payroll imported)");
        assertThat(run(url, out, "status", "--period=2026-10").out())
                .contains("Period 2026-10 (inbox " + october + "): locked by controller on");
        JdbcTemplate jdbc = jdbc(url);
        List<Map<String, Object>> octoberFigures = octoberFigures(jdbc);

        // a locked period is never closed or revised again
        for (String[] again : List.of(new String[0], new String[] {"--revise"})) {
            CliRun refused = close("2026-10", october, out, url, again);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains("2026-10 is locked by controller on", "(payroll imported)",
                    "cannot be closed or revised again", "in the inbox of the next open period, 2026-11");
        }

        // November: Ana's K4 (on time) and K5 (booked late in October), K1 corrected to 12,000; K3 moved from
        // Ben to Cy; Ben's K6 (on time); K2 delivered again unchanged; K7 of September; K8 of December
        Path november = TestInbox.write(work, "2026-11", REPS, PLANS, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER
                        + "K4,2026-11-03,AC4,Delta,A1,NEW,PLATFORM,5000,,12,USD,,\n"
                        + "K5,2026-10-28,AC5,Epsilon,A1,NEW,PLATFORM,8000,,12,USD,,\n"
                        + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM,12000,,12,USD,,\n"
                        + "K3,2026-10-07,AC3,Gamma,C1,NEW,PLATFORM,30000,,12,USD,,\n"
                        + "K6,2026-11-09,AC6,Zeta,B1,NEW,PLATFORM,40000,,12,USD,,\n"
                        + "K2,2026-10-06,AC2,Beta,A1,NEW,PLATFORM,20000,,12,USD,,\n"
                        + "K7,2026-09-15,AC7,Eta,A1,NEW,PLATFORM,1000,,12,USD,,\n"
                        + "K8,2026-12-01,AC8,Theta,A1,NEW,PLATFORM,1000,,12,USD,,\n"));
        CliRun closeNovember = close("2026-11", november, out, url);
        assertThat(closeNovember.exitCode()).as(closeNovember.toString()).isZero();

        // Ana: earned to date K1 1,200 + K2 2,000 + K4 500 + K5 800 = 4,500 − paid 3,000 = 1,500, of which the
        // late inputs are 4,500 − 3,500 (without K5 and with K1 at 1,000) = 1,000.
        // Ben: K6 4,000 (K3 is no longer his) − paid 3,000 = 1,000; without the correction 7,000, so −3,000.
        // Cy: K3 3,000, all of it a correction.
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.csv"))).containsExactlyInAnyOrder(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E-A1,A1,2026-11,COMMISSION,500.00,USD", "E-A1,A1,2026-11,ADJUSTMENT,1000.00,USD",
                "E-B1,B1,2026-11,COMMISSION,4000.00,USD", "E-B1,B1,2026-11,ADJUSTMENT,-3000.00,USD",
                "E-C1,C1,2026-11,ADJUSTMENT,3000.00,USD");
        assertThat(jdbc.queryForList("""
                SELECT rep_id, why, reference FROM pay_line WHERE pay_period = '2026-11' AND earning_code = 'ADJUSTMENT'
                ORDER BY rep_id""")).extracting(r -> r.get("rep_id") + " | " + r.get("why") + " | " + r.get("reference"))
                .containsExactly(
                        "A1 | correction for locked 2026-10: K1 corrected (replaces the delivery of 2026-10); "
                                + "K5 booked late, on 2026-10-28 | corrects:2026-10",
                        "B1 | correction for locked 2026-10: K3 corrected: no longer credited to this rep"
                                + " | corrects:2026-10",
                        "C1 | correction for locked 2026-10: K3 corrected (replaces the delivery of 2026-10)"
                                + " | corrects:2026-10");
        assertThat(Files.readAllLines(out.resolve("rejects/rejects-2026-11.csv"))).anyMatch(line -> line.contains(
                "booking_id,already accepted in 2026-10 with the same values: nothing to correct,K2"))
                .anyMatch(line -> line.contains("booked_on,outside the pay period 2026-11: 2026-09 is not a locked period here"))
                .anyMatch(line -> line.contains("booked_on,outside the pay period 2026-11,2026-12-01"));

        SummaryCsv summary = SummaryCsv.read(out.resolve("reports/close-summary-2026-11.csv"));
        assertThat(summary.section("Corrections for locked periods")).containsExactly(
                Map.of("item", "A1", "currency", "USD", "amount", "1000.00", "detail", "correction for locked 2026-10: "
                        + "K1 corrected (replaces the delivery of 2026-10); K5 booked late, on 2026-10-28"),
                Map.of("item", "B1", "currency", "USD", "amount", "-3000.00", "detail",
                        "correction for locked 2026-10: K3 corrected: no longer credited to this rep"),
                Map.of("item", "C1", "currency", "USD", "amount", "3000.00", "detail",
                        "correction for locked 2026-10: K3 corrected (replaces the delivery of 2026-10)"));
        // the adjustments gross and net: 1,000.00 + 3,000.00 = 4,000.00 added, 3,000.00 deducted, net 1,000.00
        assertThat(summary.section("Adjustments (period), gross and net")).containsExactly(
                Map.of("item", "added", "label", "Added (positive)", "currency", "USD", "count", "2", "amount", "4000.00"),
                Map.of("item", "deducted", "label", "Deducted (negative)", "currency", "USD", "count", "1",
                        "amount", "-3000.00"),
                Map.of("item", "net", "label", "Net", "currency", "USD", "count", "3", "amount", "1000.00"));
        // November's payout against October's, the prior closed period: A1 500 + 1,000, B1 4,000 - 3,000, C1 3,000
        // = 5,500.00 against October's 3,000.00 + 3,000.00 = 6,000.00, so -500.00; by rep A1 1,500.00 against
        // 3,000.00 (-1,500.00), B1 1,000.00 against 3,000.00 (-2,000.00), C1 3,000.00 against nothing (+3,000.00)
        assertThat(summary.row("At a glance", "payout", "USD")).containsEntry("amount", "5500.00")
                .containsEntry("prior", "6000.00").containsEntry("change", "-500.00")
                .containsEntry("detail", "Payout USD 5,500.00; prior period 2026-10 6,000.00, change -500.00");
        assertThat(summary.section("Payroll register: rep and plan")).extracting(r -> r.get("item") + " paid "
                + r.get("paid") + " prior " + r.get("prior") + " change " + r.get("change")).containsExactly(
                "A1 paid 1500.00 prior 3000.00 change -1500.00", "B1 paid 1000.00 prior 3000.00 change -2000.00",
                "C1 paid 3000.00 prior 0.00 change 3000.00");

        // October, locked, is exactly as it was: its figures and the file payroll imported
        assertThat(octoberFigures(jdbc)).isEqualTo(octoberFigures);
        assertThat(Files.readAllBytes(octoberPayroll)).isEqualTo(octoberFile);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2"})
    void closingTheNextPeriodLocksTheOneBefore(String database) throws Exception {
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_autolock");
        Path october = TestInbox.write(work, "2026-10", REPS, PLANS, Map.of("bookings.csv", TestInbox.BOOKINGS_HEADER
                + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM,10000,,12,USD,,\n"));
        assertThat(close("2026-10", october, out, url).exitCode()).isZero();
        assertThat(run(url, out, "status", "--period=2026-10").out()).contains("): closed (revision 1) on ");

        // November's close starts from October's figures, so it locks October before reading its inbox: K9,
        // booked in October, is paid in November as a correction
        Path november = TestInbox.write(work, "2026-11", REPS, PLANS, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER + "K9,2026-10-30,AC9,Iota,A1,NEW,PLATFORM,2500,,12,USD,,\n"));
        assertThat(close("2026-11", november, out, url).exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency", "E-A1,A1,2026-11,ADJUSTMENT,250.00,USD");

        CliRun revise = close("2026-10", october, out, url, "--revise");
        assertThat(revise.exitCode()).isEqualTo(2);
        assertThat(revise.err()).contains("2026-10 is locked by the close of 2026-11 on",
                "(its year-to-date true-up starts from these figures)");
    }

    private static List<Map<String, Object>> octoberFigures(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String sql : List.of(
                "SELECT booking_id, rep_id, amount FROM credit WHERE pay_period = '2026-10' ORDER BY booking_id",
                "SELECT rep_id, line_no, source_id, amount FROM earning_line WHERE pay_period = '2026-10' "
                        + "ORDER BY rep_id, line_no",
                "SELECT rep_id, line_no, earning_code, amount, why FROM pay_line WHERE pay_period = '2026-10' "
                        + "ORDER BY rep_id, line_no",
                "SELECT * FROM rep_ledger WHERE pay_period = '2026-10' ORDER BY rep_id")) {
            rows.addAll(jdbc.queryForList(sql));
        }
        assertThat(rows).hasSizeGreaterThan(8);
        return rows;
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url));
    }

    private static CliRun close(String period, Path inbox, Path out, String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("close", "--period=" + period, "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false"));
        args.addAll(List.of(extra));
        return run(url, args);
    }

    private static CliRun run(String url, Path out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out=" + out);
        return run(url, all);
    }

    private static CliRun run(String url, List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (!url.startsWith("jdbc:h2:")) {
            all.add("--spring.datasource.url=" + url);
        }
        return CliRun.of(all);
    }
}
