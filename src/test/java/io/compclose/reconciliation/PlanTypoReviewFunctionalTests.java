package io.compclose.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestInbox;

/**
 * The review gate as it is out of the box, no setting given: a plan typo the loader cannot tell from a
 * rich plan (a rate of 0.9 for 0.09) and an ACV no deal has stop the close before anything is paid or sent,
 * naming the rep or booking and the figures; finance's approval lets the same command complete.
 */
class PlanTypoReviewFunctionalTests {

    @TempDir
    Path work;

    @Test
    void aRateOfNinetyPercentForNineStopsTheCloseUntilApproved() throws Exception {
        // given AE-10 with a target incentive of 60,000 (5,000 a month) and a rate of 0.9 typed for 0.09
        String plan = TestInbox.AE_10_PLAN.replace("currency: USD", "currency: USD\ntarget_incentive: 60000")
                .replace("rate: 0.10", "rate: 0.9");
        Path inbox = TestInbox.write(work, "2026-10", TestInbox.THREE_AES, plan, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM,50000,,12,USD,,\n"
                        + "K2,2026-10-06,AC2,Bolt,B1,NEW,PLATFORM,10000,,12,USD,,\n"));
        Path out = work.resolve("out");
        List<String> close = List.of("close", "--period=2026-10", "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false");

        // when it is closed with no review setting at all
        CliRun stopped = CliRun.of(close);

        // then A1's 50,000 x 0.9 = 45,000 is above 3 x 5,000 = 15,000; B1's 10,000 x 0.9 = 9,000 is not
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
        assertThat(stopped.out()).contains("For review: 1\n"
                + "    PAYOUT_ABOVE_TARGET A1: payout 45000 USD is above 3 × the monthly target incentive 5000\n");
        assertThat(stopped.err()).contains("stopped for review before payroll and statements; nothing was exported "
                + "or sent");
        // nothing paid or sent: no payroll file, no statement but drafts for finance to review, no email
        CloseFixture fixture = CloseFixture.onH2(out, false);
        assertThat(out.resolve("payroll")).doesNotExist();
        assertThat(out.resolve("statements/2026-10")).doesNotExist();
        assertThat(out.resolve("statements/draft/2026-10/A1.pdf")).isRegularFile();
        assertThat(out.resolve("outbox")).doesNotExist();
        assertThat(fixture.count("SELECT COUNT(*) FROM delivery_log")).isZero();

        // when finance approves (the rate was meant, say) and the same command runs again
        CliRun approve = CliRun.of(List.of("approve", "--period=2026-10", "--by=Fiona Finance",
                "--note=rate confirmed with sales ops", "--out=" + out));
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        CliRun continued = CliRun.of(close);

        // then it completes and pays what it calculated
        assertThat(continued.exitCode()).as(continued.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.csv"))).containsExactly(
                "employee_id,rep_id,pay_period,earning_code,amount,currency",
                "E-A1,A1,2026-10,COMMISSION,45000.00,USD",
                "E-B1,B1,2026-10,COMMISSION,9000.00,USD");
        // a statement for each of the three AEs, C1's without bookings
        assertThat(fixture.count("SELECT COUNT(*) FROM delivery_log")).isEqualTo(3);
    }

    @Test
    void anAcvOfNearlyATrillionIsHeldForReview() throws Exception {
        // given a booking of 999,999,999,999.99 on a plan with no target incentive, in the first month closed:
        // no payout check has a figure to compare with, the size of the booking is checked
        Path inbox = TestInbox.write(work, "2026-10", TestInbox.THREE_AES, TestInbox.AE_10_PLAN, Map.of("bookings.csv",
                TestInbox.BOOKINGS_HEADER + "K1,2026-10-05,AC1,Acme,A1,NEW,PLATFORM,999999999999.99,,12,USD,,\n"
                        + "K2,2026-10-06,AC2,Bolt,B1,NEW,PLATFORM,10000,,12,USD,,\n"));
        Path out = work.resolve("out");

        // when
        CliRun stopped = CliRun.close("2026-10", inbox, out, "jdbc:h2:");

        // then
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
        assertThat(stopped.out()).contains("For review: 1\n"
                + "    BOOKING_ABOVE_LIMIT K1: ACV 999999999999.99 USD (rep A1) is above 100000000 for a single booking\n");
        assertThat(out.resolve("payroll")).doesNotExist();
    }
}
