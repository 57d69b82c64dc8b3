package io.compclose.intake;

import io.compclose.core.input.Booking;
import io.compclose.core.input.BookingType;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.compclose.core.money.FxConversion;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.core.plan.PlanComponent;

class BookingValidatorTests {

    private static final List<String> COLUMNS = List.of("booking_id", "booked_on", "account_id", "owner_rep_id", "type",
            "product", "acv", "currency", "tcv", "term_months", "sourced_by_rep_id");

    private final Roster roster = new Roster(List.of(
            new RepAssignment("R001", "E1", "Ana", "ana@example.com", Role.AE, null, null, "AE", "USD",
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 15), 2),
            new RepAssignment("R002", "E2", "Ben", "ben@example.com", Role.AE, null, null, "OLD", "USD",
                    LocalDate.of(2026, 1, 1), null, 3)));
    private final PlanCatalog plans = new PlanCatalog(List.of(
            plan("AE", LocalDate.of(2026, 1, 1)), plan("OLD", LocalDate.of(2026, 10, 20))));
    private final BookingValidator validator = new BookingValidator(YearMonth.of(2026, 10), roster, plans,
            AcceptedRows.inMemory(new HashMap<String, Booking>()), new FxConversion("USD", Map.of("EUR", new BigDecimal("1.08"))),
            java.util.Set.of(), id -> java.util.Optional.empty(), new RosterRejects(Map.of()));

    private static Plan plan(String id, LocalDate from) {
        return Plan.flat(id, 1, id, from, null, "USD", PlanComponent.flat("c", new BigDecimal("0.08")), "p");
    }

    private static CsvRow row(long line, String csv) {
        return TestRows.row("bookings.csv", COLUMNS, line, csv);
    }

    @Test
    void aBookingOfALockedEarlierMonthOfTheYearIsAcceptedLateAndACorrectionMustChangeSomething() {
        // November, with October (and only October) locked; B-OLD was accepted in October at 1,000
        Booking october = validator.validate(row(2, "B-OLD,2026-10-05,A-1,R001,NEW,P,1000,USD,,,")).accepted();
        java.util.function.Supplier<BookingValidator> novemberFile = () -> new BookingValidator(YearMonth.of(2026, 11),
                roster, plans, AcceptedRows.inMemory(new HashMap<String, Booking>()), new FxConversion("USD", Map.of()),
                java.util.Set.of(YearMonth.of(2026, 10)), id -> id.equals("B-OLD")
                        ? java.util.Optional.of(new BookingValidator.EarlierDelivery("2026-10", october))
                        : java.util.Optional.empty(), new RosterRejects(Map.of()));
        BookingValidator november = novemberFile.get();

        assertThat(november.validate(row(3, "B-LATE,2026-10-20,A-1,R002,NEW,P,500,USD,,,")).isAccepted()).isTrue();
        assertThat(november.validate(row(4, "B-OLD,2026-10-05,A-1,R001,NEW,P,1200,USD,,,")).accepted().acv()
                .amount()).isEqualByComparingTo("1200");
        assertThat(reason(novemberFile.get().validate(row(5, "B-OLD,2026-10-05,A-1,R001,NEW,P,1000.00,USD,,,"))))
                .isEqualTo("booking_id: already accepted in 2026-10 with the same values: nothing to correct");
        assertThat(reason(november.validate(row(6, "B-SEP,2026-09-20,A-1,R001,NEW,P,500,USD,,,"))))
                .isEqualTo("booked_on: outside the pay period 2026-11: 2026-09 is not a locked period here "
                        + "(a booking lands late only for a locked period)");
        assertThat(reason(november.validate(row(7, "B-DEC,2026-12-01,A-1,R002,NEW,P,500,USD,,,"))))
                .isEqualTo("booked_on: outside the pay period 2026-11");

        BookingValidator january = new BookingValidator(YearMonth.of(2027, 1), roster, plans,
                AcceptedRows.inMemory(new HashMap<String, Booking>()), new FxConversion("USD", Map.of()),
                java.util.Set.of(YearMonth.of(2026, 12)), id -> java.util.Optional.empty(), new RosterRejects(Map.of()));
        assertThat(reason(january.validate(row(8, "B-YE,2026-12-30,A-1,R002,NEW,P,500,USD,,,"))))
                .isEqualTo("booked_on: outside the pay period 2027-01: booked in the plan year 2026, whose "
                        + "commission is settled; pay it through adjustments.csv");
    }

    private static String reason(IntakeItem<Booking> item) {
        return item.reject().column() + ": " + item.reject().reason();
    }

    @Test
    void acceptsAValidBookingWithDefaults() {
        IntakeItem<Booking> item = validator.validate(row(2, "B-1,2026-10-05,A-1,R001,UPSELL,P,1200.50,USD,,,"));
        assertThat(item.isAccepted()).isTrue();
        Booking booking = item.accepted();
        assertThat(booking.acv().amount()).isEqualByComparingTo("1200.50");
        assertThat(booking.acv().currencyCode()).isEqualTo("USD");
        assertThat(booking.type()).isEqualTo(BookingType.UPSELL);
        assertThat(booking.termMonths()).isEqualTo(12);
        assertThat(booking.tcv()).isNull();
        assertThat(booking.line()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "B-1,2026-10-05,A-1,R001,NEW,P,12.50001,USD,,,|acv|more than 4 decimal places",
            "B-1,2026-10-05,A-1,R001,NEW,P,1 200,USD,,,|acv|not a decimal number (use '.' and no thousands separator)",
            "B-1,2026-10-05,A-1,R001,NEW,P,-1,USD,,,|acv|must not be negative (cancellations are not bookings)",
            "B-1,05/10/2026,A-1,R001,NEW,P,1,USD,,,|booked_on|not a date YYYY-MM-DD",
            "B-1,2026-11-01,A-1,R001,NEW,P,1,USD,,,|booked_on|outside the pay period 2026-10",
            "B-1,2026-10-05,,R001,NEW,P,1,USD,,,|account_id|required value is missing",
            "B-1,2026-10-05,A-1,R001,RENEW,P,1,USD,,,|type|unknown value; expected one of [NEW, UPSELL, CROSS_SELL, RENEWAL]",
            "B-1,2026-10-05,A-1,R001,NEW,P,1,usd,,,|currency|currency code must be upper case ISO 4217",
            "B-1,2026-10-05,A-1,R001,NEW,P,1,XYZ,,,|currency|not an ISO 4217 currency code",
            "B-1,2026-10-05,A-1,R001,NEW,P,1,XAU,,,|currency|not a currency money is paid in (ISO 4217 gives it no minor unit)",
            "B-1,2026-10-05,A-1,R001,NEW,P,1,GBP,,,|currency|no FX rate for GBP in 2026-10 (fx_rates.csv) to convert into the owner's pay currency USD",
            "B-1,2026-10-05,A-1,R009,NEW,P,1,USD,,,|owner_rep_id|unknown rep (no accepted row in reps.csv)",
            "B-1,2026-10-20,A-1,R001,NEW,P,1,USD,,,|owner_rep_id|rep has no roster assignment on 2026-10-20",
            "B-1,2026-10-05,A-1,R002,NEW,P,1,USD,,,|booked_on|plan OLD of rep R002 has no version effective on this date",
            "B-1,2026-10-05,A-1,R001,NEW,P,1,USD,,0,|term_months|must be a whole number above zero",
            "B-1,2026-10-05,A-1,R001,NEW,P,1,USD,-5,,|tcv|must not be negative (cancellations are not bookings)",
            "B-1,2026-10-05,A-1,R001,NEW,P,1,USD,,,R404|sourced_by_rep_id|unknown rep (no accepted row in reps.csv)"})
    void rejectsWithColumnAndReason(String csv, String column, String reason) {
        IntakeItem<Booking> item = validator.validate(row(7, csv));
        assertThat(item.isAccepted()).isFalse();
        assertThat(item.reject()).satisfies(r -> {
            assertThat(r.file()).isEqualTo("bookings.csv");
            assertThat(r.line()).isEqualTo(7);
            assertThat(r.column()).isEqualTo(column);
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.kind()).isEqualTo(Reject.Kind.REJECTED);
        });
    }

    @Test
    void anIdenticalRedeliveryIsHarmlessAndAConflictingOneIsRejected() {
        assertThat(validator.validate(row(2, "B-1,2026-10-05,A-1,R001,NEW,P,100.0,USD,,,")).isAccepted()).isTrue();

        Reject again = validator.validate(row(9, "B-1,2026-10-05,A-1,R001,NEW,P,100.00,USD,,,")).reject();
        assertThat(again.kind()).isEqualTo(Reject.Kind.DUPLICATE);
        assertThat(again.reason()).isEqualTo("identical re-delivery of line 2 (counted once)");

        Reject conflict = validator.validate(row(12, "B-1,2026-10-05,A-1,R001,NEW,P,999,USD,,,")).reject();
        assertThat(conflict.kind()).isEqualTo(Reject.Kind.REJECTED);
        assertThat(conflict.column()).isEqualTo("booking_id");
        assertThat(conflict.reason()).isEqualTo("duplicate of line 2 with different content");
    }

    @Test
    void aBookingInAnotherCurrencyIsAcceptedWhenThePeriodHasItsRate() {
        IntakeItem<Booking> item = validator.validate(row(3, "B-2,2026-10-05,A-1,R001,NEW,P,1000,EUR,,,"));
        assertThat(item.isAccepted()).isTrue();
        assertThat(item.accepted().currency()).isEqualTo("EUR");
    }

    @Test
    void aMalformedRowIsRejectedWithItsShape() {
        CsvRow malformed = new CsvRow("bookings.csv", 4, Map.of(), "B-1,2026",
                CsvRow.Problem.shape("has 2 cells but the header has 8", "B-1,2026"));
        Reject reject = validator.validate(malformed).reject();
        assertThat(reject.reason()).isEqualTo("has 2 cells but the header has 8");
        assertThat(reject.rawValue()).isEqualTo("B-1,2026");
    }
    @Test
    void aRejectNamesTheBookingAndTheOwnerItsRowNamesWhereTheirCellsCanBeRead() {
        // rejected for another column, the owner's and the booking's cells are read as they stand
        assertThat(naming(row(2, "B-9,2026-10-05,A-1,R001,NEW,P,12 500.00,USD,,,")))
                .isEqualTo("acv: B-9 of R001");
        assertThat(naming(row(3, " B-8 ,2026-10-05,A-1, R002 ,NEW,P,1,EUR,,,")))
                .isEqualTo("booked_on: B-8 of R002");
        // an owner not on the roster is recorded too: the statements, not the intake, ask for the roster
        assertThat(naming(row(4, "B-7,2026-10-05,A-1,R404,NEW,P,1,USD,,,"))).isEqualTo("owner_rep_id: B-7 of R404");
        // a blank cell names no one; nor does one too long for its column, which is the reject
        assertThat(naming(row(5, ",2026-10-05,A-1,,NEW,P,1,USD,,,"))).isEqualTo("booking_id: null of null");
        String tooLong = "R".repeat(65);
        assertThat(naming(new CsvRow("bookings.csv", 6, TestRows.row("bookings.csv", COLUMNS, 6,
                "B-6,2026-10-05,A-1," + tooLong + ",NEW,P,1,USD,,,").values(), "", new CsvRow.Problem("owner_rep_id",
                "longer than the 64 characters this column holds (65)", tooLong))))
                .isEqualTo("owner_rep_id: B-6 of null");
        // a row whose cells do not line up with the header names no one
        assertThat(naming(new CsvRow("bookings.csv", 7, TestRows.row("bookings.csv", COLUMNS, 7,
                "B-5,2026-10-05,A-1,R001").values(), "B-5,2026-10-05,A-1,R001",
                CsvRow.Problem.shape("has 4 cells but the header has 11", "B-5,2026-10-05,A-1,R001"))))
                .isEqualTo(": null of null");
        // an accepted booking, then its conflicting re-delivery: the reject names both, as the row does
        assertThat(validator.validate(row(8, "B-1,2026-10-05,A-1,R001,NEW,P,100,USD,,,")).isAccepted()).isTrue();
        assertThat(naming(row(9, "B-1,2026-10-05,A-1,R001,NEW,P,999,USD,,,"))).isEqualTo("booking_id: B-1 of R001");
    }

    /** "column: booking of rep", as the reject of the row records them. */
    private String naming(CsvRow row) {
        Reject reject = validator.validate(row).reject();
        return reject.column() + ": " + reject.bookingId() + " of " + reject.repId();
    }

    @Test
    void anAmountHasNoMoreDecimalsThanItsCurrency() {
        assertThat(validator.validate(row(2, "B-1,2026-10-05,A-1,R001,NEW,P,1200.5000,USD,,,")).accepted().acv()
                .amount()).isEqualByComparingTo("1200.50");
        Reject acv = validator.validate(row(3, "B-2,2026-10-05,A-1,R001,NEW,P,100.123,USD,,,")).reject();
        assertThat(acv.column() + ": " + acv.reason() + " [" + acv.rawValue() + "]")
                .isEqualTo("acv: more than 2 decimal places, finer than USD's minor unit [100.123]");
        Reject tcv = validator.validate(row(4, "B-3,2026-10-05,A-1,R001,NEW,P,100,USD,0.001,,")).reject();
        assertThat(tcv.column() + ": " + tcv.reason()).isEqualTo("tcv: more than 2 decimal places, finer than USD's "
                + "minor unit");
    }

    @Test
    void aBookingOfARepWhoseRosterRowWasRejectedSaysWhy() {
        RosterRejects rejected = new RosterRejects(Map.of("R010", new Reject("reps.csv", 5, "email",
                "not an email address", "ann@example")));
        BookingValidator withRejects = new BookingValidator(YearMonth.of(2026, 10), roster, plans,
                AcceptedRows.inMemory(new HashMap<String, Booking>()), new FxConversion("USD", Map.of()),
                java.util.Set.of(), id -> java.util.Optional.empty(), rejected);
        Reject owner = withRejects.validate(row(2, "B-1,2026-10-05,A-1,R010,NEW,P,100,USD,,,")).reject();
        assertThat(owner.column() + ": " + owner.reason()).isEqualTo("owner_rep_id: unknown rep: rep R010's roster "
                + "row, reps.csv line 5, was rejected (email: not an email address, 'ann@example'): fix that row");
        Reject sourcer = withRejects.validate(row(3, "B-2,2026-10-05,A-1,R001,NEW,P,100,USD,,,R010")).reject();
        assertThat(sourcer.column() + ": " + sourcer.reason()).startsWith("sourced_by_rep_id: unknown rep: rep R010's");
        // a rep nobody ever put on the roster is unknown, as before
        assertThat(withRejects.validate(row(4, "B-3,2026-10-05,A-1,R099,NEW,P,100,USD,,,")).reject().reason())
                .isEqualTo("unknown rep (no accepted row in reps.csv)");
    }
}
