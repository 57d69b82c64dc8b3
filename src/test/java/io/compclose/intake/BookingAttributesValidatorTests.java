package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.compclose.core.input.Booking;
import io.compclose.core.input.DealAttributes;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import io.compclose.core.money.FxConversion;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.core.plan.PlanComponent;

/**
 * The optional columns of bookings.csv a plan condition may test: gross_margin_pct, discount_pct,
 * payment_terms_days. Blank is "not given"; a value of the wrong form or outside its range is a reject naming
 * file, line, column and reason; a file without the columns reads as before.
 */
class BookingAttributesValidatorTests {

    private static final List<String> COLUMNS = List.of("booking_id", "booked_on", "account_id", "owner_rep_id", "type",
            "product", "acv", "currency", "gross_margin_pct", "discount_pct", "payment_terms_days");

    private final Roster roster = new Roster(List.of(new RepAssignment("R001", "E1", "Ana", "ana@example.com", Role.AE,
            null, null, "AE", "USD", LocalDate.of(2026, 1, 1), null, 2)));
    private final PlanCatalog plans = new PlanCatalog(List.of(Plan.flat("AE", 1, "AE", LocalDate.of(2026, 1, 1), null,
            "USD", PlanComponent.flat("c", new BigDecimal("0.08")), "p")));

    private BookingValidator validator(Map<String, BookingValidator.EarlierDelivery> earlier) {
        return new BookingValidator(YearMonth.of(2026, 11), roster, plans,
                AcceptedRows.inMemory(new HashMap<String, Booking>()), new FxConversion("USD", Map.of()), Set.of(),
                id -> Optional.ofNullable(earlier.get(id)), new RosterRejects(Map.of()));
    }

    private final BookingValidator validator = validator(Map.of());

    private static CsvRow row(long line, String attributes) {
        return TestRows.row("bookings.csv", COLUMNS, line, "B-1,2026-11-05,A-1,R001,NEW,P,1000,USD," + attributes);
    }

    @Test
    void theFiguresAreReadAndABlankCellIsAFigureNotGiven() {
        DealAttributes all = validator.validate(row(2, "32.5,15,30")).accepted().attributes();
        assertThat(all.grossMarginPct()).isEqualByComparingTo("32.5");
        assertThat(all.discountPct()).isEqualByComparingTo("15");
        assertThat(all.paymentTermsDays()).isEqualTo(30);

        assertThat(validator(Map.of()).validate(row(3, ",,")).accepted().attributes()).isEqualTo(DealAttributes.NONE);
        DealAttributes some = validator(Map.of()).validate(row(4, "-12.25,,0")).accepted().attributes();
        assertThat(some).isEqualTo(new DealAttributes(new BigDecimal("-12.25"), null, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-100,0,0", "100,100,365", "0.0001,99.9999,1", "-99.5,0.5,364"})
    void theEndsOfEachRangeAreAccepted(String attributes) {
        assertThat(validator.validate(row(2, attributes)).isAccepted()).isTrue();
    }

    @ParameterizedTest(name = "{1}: {3}")
    @CsvSource(delimiter = '|', value = {
            "150,,|gross_margin_pct|150|must be from -100 to 100",
            "-100.01,,|gross_margin_pct|-100.01|must be from -100 to 100",
            "20%,,|gross_margin_pct|20%|not a decimal number (use '.' and no thousands separator)",
            "12.34567,,|gross_margin_pct|12.34567|more than 4 decimal places",
            ",-5,|discount_pct|-5|must be from 0 to 100",
            ",100.5,|discount_pct|100.5|must be from 0 to 100",
            ",ten,|discount_pct|ten|not a decimal number (use '.' and no thousands separator)",
            ",,366|payment_terms_days|366|must be from 0 to 365",
            ",,-1|payment_terms_days|-1|must be from 0 to 365",
            ",,30.5|payment_terms_days|30.5|not a whole number",
            ",,net 30|payment_terms_days|net 30|not a whole number"})
    void aValueOfTheWrongFormOrOutOfRangeIsRejectedNamingFileLineColumnAndReason(String attributes, String column,
            String raw, String reason) {
        Reject reject = validator.validate(row(7, attributes)).reject();

        assertThat(reject.file()).isEqualTo("bookings.csv");
        assertThat(reject.line()).isEqualTo(7);
        assertThat(reject.column()).isEqualTo(column);
        assertThat(reject.reason()).isEqualTo(reason);
        assertThat(reject.rawValue()).isEqualTo(raw);
        assertThat(reject.kind()).isEqualTo(Reject.Kind.REJECTED);
        assertThat(reject.bookingId()).isEqualTo("B-1");
    }

    @Test
    void aRedeliveryWithAnotherFigureConflictsAndTheSameFigureWrittenLongIsHarmless() {
        assertThat(validator.validate(row(2, "20,5,30")).isAccepted()).isTrue();

        Reject same = validator.validate(row(3, "20.00,5.0,30")).reject();
        assertThat(same.kind()).isEqualTo(Reject.Kind.DUPLICATE);

        Reject other = validator.validate(row(4, "18,5,30")).reject();
        assertThat(other.kind()).isEqualTo(Reject.Kind.REJECTED);
        assertThat(other.column() + ": " + other.reason()).isEqualTo("booking_id: duplicate of line 2 with different "
                + "content");
        Reject dropped = validator.validate(row(5, ",5,30")).reject();
        assertThat(dropped.reason()).as("a figure left out is a change too").isEqualTo("duplicate of line 2 with "
                + "different content");
    }

    @Test
    void aBookingOfAnEarlierPeriodDeliveredWithAnotherFigureCorrectsIt() {
        Booking october = validator(Map.of()).validate(row(2, "20,5,30")).accepted();
        BookingValidator november = validator(Map.of("B-1", new BookingValidator.EarlierDelivery("2026-10", october)));

        assertThat(november.validate(row(3, "25,5,30")).accepted().attributes().grossMarginPct())
                .isEqualByComparingTo("25");
        assertThat(validator(Map.of("B-1", new BookingValidator.EarlierDelivery("2026-10", october)))
                .validate(row(4, "20.0,5,30")).reject().reason())
                .isEqualTo("already accepted in 2026-10 with the same values: nothing to correct");
    }

    @Test
    void aFileWithoutTheColumnsReadsAsBefore(@TempDir Path inbox) throws Exception {
        Files.writeString(inbox.resolve("bookings.csv"), """
                booking_id,booked_on,account_id,owner_rep_id,type,product,acv,currency
                B-1,2026-11-05,A-1,R001,NEW,P,1000,USD
                """);
        CsvRowReader reader = new CsvRowReader(inbox, CsvFileSpec.BOOKINGS);
        reader.open(new ExecutionContext());
        CsvRow read = reader.read();
        reader.close();

        Booking booking = validator.validate(read).accepted();
        assertThat(booking.attributes()).isEqualTo(DealAttributes.NONE);
        assertThat(booking.acv().amount()).isEqualByComparingTo("1000");
    }
}
