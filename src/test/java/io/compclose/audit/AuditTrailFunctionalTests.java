package io.compclose.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessException;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;
import io.compclose.support.TestInbox;

/**
 * Every command that changes something leaves one row in {@code audit_event}: who asked, who ran
 * it, what and how it ended. Commands that change nothing leave none; on MariaDB no row can be
 * changed or deleted, not even by the schema's owner.
 */
class AuditTrailFunctionalTests {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void closeApproveReviseResendAndLockAreRecordedWithWhoAndHowTheyEnded(String database) {
        // given the review gate on, so that the close stops for finance's approval
        Path out = work.resolve("out");
        CloseFixture fixture = new CloseFixture(out, TestDatabases.of(database, out, "compclose_audit"), false);
        List<String> gated = fixture.closeArgs("--compclose.review.enabled=true",
                "--compclose.review.payout-above=50000", "--compclose.review.rejected-rows-above=10");

        // when the close stops, finance approves, the close continues, runs again (nothing to do), is revised,
        // a statement is re-sent, status is read and the period is locked
        assertThat(CliRun.of(gated).exitCode()).isEqualTo(3);
        assertThat(run(fixture, "approve", "--period=2026-10", "--by=Fiona Finance", "--note=checked with sales ops")
                .exitCode()).isZero();
        assertThat(CliRun.of(gated).exitCode()).isZero();
        assertThat(CliRun.of(gated).exitCode()).isZero();
        assertThat(CliRun.of(fixture.closeArgs("--revise")).exitCode()).isZero();
        assertThat(run(fixture, "resend", "--period=2026-10", "--rep=R001", "--by=Fiona Finance").exitCode()).isZero();
        assertThat(run(fixture, "status", "--period=2026-10").exitCode()).isZero();
        assertThat(run(fixture, "lock", "--period=2026-10", "--by=Carl Controller", "--note=payroll imported")
                .exitCode()).isZero();
        assertThat(run(fixture, "lock", "--period=2026-10", "--by=Carl Controller").exitCode()).isZero();

        // then the trail holds one row per change, in order, and none for what changed nothing
        String me = System.getProperty("user.name");
        String inbox = CloseFixture.SAMPLE_INBOX.toString();
        assertThat(fixture.jdbc().queryForList(
                "SELECT action, actor, os_user, pay_period, detail FROM audit_event ORDER BY id").stream()
                .map(r -> r.get("action") + " | " + r.get("actor") + " | " + r.get("os_user") + " | "
                        + r.get("pay_period") + " | " + r.get("detail")).toList()).containsExactly(
                "close | " + me + " | " + me + " | 2026-10 | revision 1, started from " + inbox
                        + ", execution 1: stopped for review",
                // 5: R010 and R999 (bookings without a roster row), R001 and R006 above 50,000, 13 rejected rows
                "approve | Fiona Finance | " + me + " | 2026-10 | revision 1, execution 1, 5 exceptions: "
                        + "checked with sales ops",
                "close | " + me + " | " + me + " | 2026-10 | revision 1, continued after review of execution 1, "
                        + "execution 2: completed",
                "revise | " + me + " | " + me + " | 2026-10 | revision 2, started from " + inbox
                        + ", execution 3: completed",
                "resend | Fiona Finance | " + me + " | 2026-10 | statement of R001 (version 1, send 2) to "
                        + "ana.alvarez@example.com: sent",
                "lock | Carl Controller | " + me + " | 2026-10 | revision 2: payroll imported");
        assertThat(fixture.count("SELECT COUNT(*) FROM audit_event WHERE occurred_at IS NULL")).isZero();

        // and the console's trail reads them filtered, newest first, a page at a time, on either database
        AuditLogRepository trail = new AuditLogRepository(fixture.jdbc(), java.time.Clock.systemUTC());
        AuditLogRepository.Filter fiona = new AuditLogRepository.Filter("2026-10", "Fiona Finance", "");
        assertThat(trail.count(fiona)).isEqualTo(2);
        assertThat(trail.page(fiona, 0, 100).stream().map(AuditLogRepository.Event::action)).containsExactly("resend",
                "approve");
        assertThat(trail.page(fiona, 1, 100).stream().map(AuditLogRepository.Event::action)).containsExactly("approve");
        assertThat(trail.choices("actor")).containsExactly("Carl Controller", "Fiona Finance", me);
        assertThat(trail.choices("action")).containsExactly("approve", "close", "lock", "resend", "revise");

        if (database.equals("mariadb")) {
            // and no one changes or deletes a row, not even root: the triggers refuse it
            assertThatThrownBy(() -> fixture.jdbc().update("UPDATE audit_event SET actor = 'someone else'"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("audit_event is append-only: an audit row is never changed");
            assertThatThrownBy(() -> fixture.jdbc().update("DELETE FROM audit_event WHERE action = 'approve'"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("audit_event is append-only: an audit row is never deleted");
            assertThat(fixture.count("SELECT COUNT(*) FROM audit_event WHERE actor = 'Fiona Finance'")).isEqualTo(2);
        }
    }

    @Test
    void theCloseOfTheNextPeriodRecordsTheLockItPutsOnTheOneBefore() throws Exception {
        // given October closed
        Path out = work.resolve("out");
        String reps = "rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,"
                + "effective_to\nA1,Ana Able,E-A1,ana@example.com,AE,,West,AE-10,USD,2026-01-01,\n";
        String plans = "plan: AE-10\nversion: 1\neffective_from: 2026-01-01\ncurrency: USD\n"
                + "components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]\n";
        String bookings = TestInbox.BOOKINGS_HEADER + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM,10000,,12,USD,,\n";
        Path october = TestInbox.write(work, "2026-10", reps, plans, Map.of("bookings.csv", bookings));
        assertThat(CliRun.close("2026-10", october, out, "jdbc:h2:").exitCode()).isZero();

        // when November is closed, and October's revision is refused because November locked it
        Path november = TestInbox.write(work, "2026-11", reps, plans, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER));
        assertThat(CliRun.close("2026-11", november, out, "jdbc:h2:", "--allow-empty=bookings").exitCode()).isZero();
        assertThat(CliRun.of(List.of("close", "--period=2026-10", "--inbox=" + october, "--out=" + out, "--revise"))
                .exitCode()).isEqualTo(2);

        // then October's trail shows its close and the lock November's close put on it, and nothing more
        String me = System.getProperty("user.name");
        assertThat(CloseFixture.onH2(out, false).jdbc().queryForList(
                "SELECT action, actor, detail FROM audit_event WHERE pay_period = '2026-10' ORDER BY id").stream()
                .map(r -> r.get("action") + " | " + r.get("actor") + " | " + r.get("detail")).toList()).containsExactly(
                "close | " + me + " | revision 1, started from " + october + ", execution 1: completed",
                "lock | " + me + " | locked by the close of 2026-11: its year-to-date true-up starts from these "
                        + "figures");
    }

    private static CliRun run(CloseFixture fixture, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out=" + fixture.out());
        if (!fixture.databaseUrl().startsWith("jdbc:h2:")) {
            all.add("--spring.datasource.url=" + fixture.databaseUrl());
        }
        return CliRun.of(all);
    }
}
