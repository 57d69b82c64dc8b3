package io.compclose.intake;

import io.compclose.core.input.Booking;
import io.compclose.core.input.BookingType;
import io.compclose.core.input.DealAttribute;
import io.compclose.core.input.DealAttributes;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Roster;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.compclose.core.money.FxConversion;
import io.compclose.core.money.Money;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;
import io.compclose.core.plan.PlanCatalog;

/**
 * Validates bookings.csv rows for one pay period: types and required values, then the rules
 * that need the roster and the plans. A booking id seen before in the file with the same content
 * is a harmless re-delivery; with different content it is rejected.
 * <p>
 * A booking dated in a locked earlier period of the plan year arrived late: it is accepted here,
 * and what it earns is paid in this period. A booking id accepted in an earlier period and
 * delivered again with different values is a correction: it replaces the earlier delivery from this
 * period on, leaving the earlier period's figures as they were; unchanged, it is rejected.
 *
 * @param rates           the pay period's rates, for bookings in a currency other than the owner's pay currency
 * @param lockedPeriods   the periods whose late bookings this period accepts
 * @param earlierDelivery the latest delivery of a booking id before this period, if any
 * @param rosterRejects   why a rep without an accepted roster row has none, to say so in their bookings' rejects
 */
public record BookingValidator(PayPeriod period, Roster roster, PlanCatalog plans, AcceptedRows<Booking> acceptedById,
        FxConversion rates, Set<String> lockedPeriods, Function<String, Optional<EarlierDelivery>> earlierDelivery,
        RosterRejects rosterRejects, FiscalYear fiscal, PaySchedule schedule) {

    /** A validator of a month's bookings in a calendar plan year. */
    public BookingValidator(YearMonth period, Roster roster, PlanCatalog plans, AcceptedRows<Booking> acceptedById,
            FxConversion rates, Set<YearMonth> lockedPeriods,
            Function<String, Optional<EarlierDelivery>> earlierDelivery, RosterRejects rosterRejects) {
        this(PayPeriod.of(period), roster, plans, acceptedById, rates, lockedPeriods.stream().map(YearMonth::toString)
                .collect(java.util.stream.Collectors.toSet()), earlierDelivery, rosterRejects, FiscalYear.CALENDAR,
                PaySchedule.MONTHLY);
    }

    /** The latest delivery of a booking id in a period before this one. */
    public record EarlierDelivery(String period, Booking booking) {
    }

    public BookingValidator {
        lockedPeriods = Set.copyOf(lockedPeriods);
    }

    public IntakeItem<Booking> validate(CsvRow row) {
        return IntakeItem.keyed(row, "booking_id", acceptedById, BookingValidator::parse, this::check)
                .naming(row, CsvFileSpec.BOOKINGS, "owner_rep_id");
    }

    private static Booking parse(CsvRow row) {
        Integer term = row.optionalPositiveInt("term_months");
        String bookingId = row.text("booking_id");
        LocalDate bookedOn = row.date("booked_on");
        String accountId = row.text("account_id");
        String accountName = row.optionalText("account_name");
        String owner = row.text("owner_rep_id");
        BookingType type = row.choice("type", BookingType.class);
        String product = row.text("product");
        // the currency first: it says how many decimals the amounts may have
        String currency = row.currency("currency");
        return new Booking(
                bookingId,
                bookedOn,
                accountId,
                accountName,
                owner,
                type,
                product,
                notNegative("acv", row.money("acv", currency)),
                notNegative("tcv", row.optionalMoney("tcv", currency)),
                term == null ? Booking.DEFAULT_TERM_MONTHS : term,
                row.optionalText("sourced_by_rep_id"),
                row.optionalText("bundle_id"),
                attributes(row),
                row.line());
    }

    /** The optional figures a plan may test; a blank cell is a figure not given. */
    private static DealAttributes attributes(CsvRow row) {
        return new DealAttributes(attribute(row, DealAttribute.GROSS_MARGIN_PCT),
                attribute(row, DealAttribute.DISCOUNT_PCT), wholeAttribute(row, DealAttribute.PAYMENT_TERMS_DAYS));
    }

    private static BigDecimal attribute(CsvRow row, DealAttribute attribute) {
        return inRange(row, attribute, row.optionalDecimal(attribute.column(), DealAttribute.DECIMALS));
    }

    private static Integer wholeAttribute(CsvRow row, DealAttribute attribute) {
        Integer value = row.optionalWholeNumber(attribute.column());
        return value == null ? null : inRange(row, attribute, BigDecimal.valueOf(value)).intValueExact();
    }

    private static BigDecimal inRange(CsvRow row, DealAttribute attribute, BigDecimal value) {
        if (value != null && !attribute.admits(value)) {
            throw new RowRejectedException(attribute.column(), "must be " + attribute.range(),
                    row.optionalText(attribute.column()));
        }
        return value;
    }

    private void check(Booking booking) {
        LocalDate day = booking.bookedOn();
        checkPeriod(day);
        Optional<EarlierDelivery> earlier = earlierDelivery.apply(booking.bookingId());
        if (earlier.isPresent() && earlier.get().booking().sameContentAs(booking)) {
            throw new RowRejectedException("booking_id", "already accepted in " + earlier.get().period()
                    + " with the same values: nothing to correct", booking.bookingId());
        }
        String owner = booking.ownerRepId();
        if (!roster.knows(owner)) {
            throw unknownRep("owner_rep_id", owner);
        }
        RepAssignment assignment = roster.activeOn(owner, day).orElseThrow(() -> new RowRejectedException(
                "owner_rep_id", "rep has no roster assignment on " + day, owner));
        if (plans.effective(assignment.planId(), day).isEmpty()) {
            throw new RowRejectedException("booked_on", "plan " + assignment.planId() + " of rep " + owner
                    + " has no version effective on this date", day.toString());
        }
        String payCurrency = assignment.payCurrency();
        if (!booking.currency().equals(payCurrency)) {
            for (String needed : new String[] {booking.currency(), payCurrency}) {
                if (!rates.knows(needed)) {
                    throw new RowRejectedException("currency", "no FX rate for " + needed + " in " + period
                            + " (fx_rates.csv) to convert into the owner's pay currency " + payCurrency,
                            booking.currency());
                }
            }
        }
        String sourcer = booking.sourcedByRepId();
        if (sourcer != null && !roster.knows(sourcer)) {
            throw unknownRep("sourced_by_rep_id", sourcer);
        }
    }

    /** A rep whose roster row was rejected is named as such: the row to fix is in reps.csv, not here. */
    private RowRejectedException unknownRep(String column, String repId) {
        return new RowRejectedException(column, rosterRejects.why(repId).map(why -> "unknown rep: " + why)
                .orElse("unknown rep (no accepted row in reps.csv)"), repId);
    }

    /**
     * A booking dated outside the pay period is rejected, but for a locked earlier period of the plan year: it
     * lands late. The earlier period is the pay calendar's, or its month where the month was closed as a whole.
     */
    private void checkPeriod(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        String earlier = schedule.containing(day).id();
        String why = day.isAfter(period.end()) ? ""
                : !fiscal.sameYear(month, period.month()) ? ": booked in the plan year " + fiscal.name(month)
                        + ", whose commission is settled; pay it through adjustments.csv"
                : period.contains(day) || lockedPeriods.contains(earlier) || lockedPeriods.contains(month.toString())
                        ? null
                : ": " + earlier + " is not a locked period here (a booking lands late only for a locked period)";
        if (why != null) {
            throw new RowRejectedException("booked_on", "outside the pay period " + period + why, day.toString());
        }
    }

    private static Money notNegative(String column, Money amount) {
        if (amount != null && amount.amount().signum() < 0) {
            throw new RowRejectedException(column, "must not be negative (cancellations are not bookings)",
                    amount.amount().toPlainString());
        }
        return amount;
    }
}
