package io.compclose.intake;

import io.compclose.core.input.Booking;
import io.compclose.core.input.BookingType;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import io.compclose.core.input.Split;
import io.compclose.core.money.Money;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every reject reason of splits.csv. */
class SplitValidatorTests {

    private static final List<String> COLUMNS = List.of("booking_id", "rep_id", "percent", "role");

    private final Roster roster = new Roster(List.of(
            new RepAssignment("R1", "E1", "Ann", "ann@example.com", Role.AE, null, "West", "AE", "USD",
                    LocalDate.of(2026, 1, 1), null, 2),
            new RepAssignment("R2", "E2", "Bo", "bo@example.com", Role.AE, null, "West", "AE", "USD",
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 3), 3)));
    private final Map<String, Booking> bookings = Map.of("B1", new Booking("B1", LocalDate.of(2026, 10, 5), "A1",
            null, "R1", BookingType.NEW, "P", Money.of("1000", "USD"), null, 12, null, null, 2));
    private final SplitValidator validator = new SplitValidator(roster,
            id -> Optional.ofNullable(bookings.get(id)).map(Booking::bookedOn),
            AcceptedRows.inMemory(new HashMap<String, Split>()));

    private String validate(long line, String csv) {
        IntakeItem<Split> item = validator.validate(TestRows.row("splits.csv", COLUMNS, line, csv));
        return item.isAccepted() ? "accepted" : item.reject().kind() + " " + item.reject().column() + ": "
                + item.reject().reason();
    }

    @Test
    void splitsNeedAKnownBookingAndARepOnTheRosterThatDay() {
        assertThat(validate(2, "B1,R1,60,AE")).isEqualTo("accepted");
        assertThat(validate(3, "B1,R1,60,AE")).isEqualTo("DUPLICATE rep_id: identical re-delivery of line 2 (counted once)");
        assertThat(validate(4, "B1,R1,70,AE")).isEqualTo("REJECTED rep_id: duplicate of line 2 with different content");
        assertThat(validate(5, "B9,R1,40,")).isEqualTo("REJECTED booking_id: unknown booking (not accepted in this period)");
        assertThat(validate(6, "B1,R7,40,")).isEqualTo("REJECTED rep_id: unknown rep (no accepted row in reps.csv)");
        assertThat(validate(7, "B1,R2,40,")).isEqualTo(
                "REJECTED rep_id: rep has no roster assignment on the booking date 2026-10-05");
        assertThat(validate(8, "B1,R2,0,")).isEqualTo("REJECTED percent: must be above 0 and at most 100");
        assertThat(validate(9, "B1,R2,100.5,")).isEqualTo("REJECTED percent: must be above 0 and at most 100");
        assertThat(validate(10, "B1,R2,forty,")).isEqualTo(
                "REJECTED percent: not a decimal number (use '.' and no thousands separator)");
    }

    @Test
    void aRejectNamesTheBookingAndTheRepItsRowNames() {
        assertThat(naming(2, "B1,R2,forty,")).isEqualTo("B1 of R2");
        assertThat(naming(3, "B9,R1,40,")).isEqualTo("B9 of R1");
        assertThat(naming(4, "B1,,40,")).isEqualTo("B1 of null");
    }

    private String naming(long line, String csv) {
        Reject reject = validator.validate(TestRows.row("splits.csv", COLUMNS, line, csv)).reject();
        return reject.bookingId() + " of " + reject.repId();
    }
}
