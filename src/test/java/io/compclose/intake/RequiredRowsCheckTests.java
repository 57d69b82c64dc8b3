package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.compclose.core.plan.PayPeriod;

/** What a required file without an accepted row stops the close with (issue 20, defect 4). */
class RequiredRowsCheckTests {

    private static final PayPeriod NOV = PayPeriod.of(YearMonth.of(2026, 11));
    private static final Path REJECTS = Path.of("/out/rejects/rejects-2026-11.csv");

    @Test
    void aFileCutAfterItsHeader() {
        assertThat(RequiredRowsCheck.problem("bookings.csv", NOV, 0, 0, Map.of(), REJECTS)).isEqualTo("bookings.csv "
                + "has no rows, only its header (a cut export?): nothing would be paid for 2026-11. Fix the file and "
                + "run the same command again; for a month without bookings, run it with --allow-empty=bookings");
        assertThat(RequiredRowsCheck.problem("reps.csv", NOV, 0, 0, Map.of(), REJECTS)).isEqualTo("reps.csv has no "
                + "rows, only its header (a cut export?): nobody would be paid for 2026-11. Fix the file and run the "
                + "same command again");
    }

    @Test
    void anotherMonthsInbox() {
        assertThat(RequiredRowsCheck.problem("bookings.csv", NOV, 100, 100, Map.of("2026-10", 100L), REJECTS))
                .isEqualTo("all 100 bookings of bookings.csv are dated outside 2026-11, in 2026-10: is this October's "
                        + "inbox? Put the files of 2026-11 in this inbox and run the same command again; for a month "
                        + "without bookings, run it with --allow-empty=bookings");
        // two identical re-deliveries, a few rows broken otherwise: still most rows dated in October
        assertThat(RequiredRowsCheck.problem("bookings.csv", NOV, 100, 98, Map.of("2026-10", 93L, "2026-09", 1L),
                REJECTS)).isEqualTo("94 of the 100 rows of bookings.csv are dated outside 2026-11, most in 2026-10, "
                        + "and none was accepted: is this October's inbox? Put the files of 2026-11 in this inbox and run "
                        + "the same command again; for a month without bookings, run it with --allow-empty=bookings");
    }

    @Test
    void aFileWhoseRowsAreAllBrokenOtherwise() {
        assertThat(RequiredRowsCheck.problem("reps.csv", NOV, 12, 12, Map.of(), REJECTS)).isEqualTo("none of the 12 "
                + "rows of reps.csv was accepted (the reasons are in /out/rejects/rejects-2026-11.csv): nobody would be "
                + "paid for 2026-11. Fix the file and run the same command again");
        assertThat(RequiredRowsCheck.problem("bookings.csv", NOV, 10, 10, Map.of("2026-10", 4L), REJECTS))
                .startsWith("none of the 10 rows of bookings.csv was accepted (the reasons are in ");
    }
}
