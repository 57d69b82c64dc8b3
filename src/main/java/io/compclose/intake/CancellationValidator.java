package io.compclose.intake;

import io.compclose.core.input.Cancellation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import io.compclose.core.plan.PayPeriod;

/**
 * Validates cancellations.csv rows: the booking must have been accepted in this period or an
 * earlier one, the cancellation must fall in the pay period and not before the booking, and a
 * booking is cancelled only once: a second cancellation would claw back twice.
 */
public final class CancellationValidator {

    /** What intake knows about a booking being cancelled. */
    public record BookingHistory(LocalDate bookedOn, String cancelledIn) {
    }

    private final PayPeriod period;
    private final Function<String, Optional<BookingHistory>> bookings;
    private final AcceptedRows<Cancellation> accepted;
    private final Map<String, Cancellation> acceptedByBooking = new HashMap<>();

    public CancellationValidator(PayPeriod period, Function<String, Optional<BookingHistory>> bookings,
            Map<String, Cancellation> acceptedById) {
        this.period = period;
        this.bookings = bookings;
        this.accepted = AcceptedRows.inMemory(acceptedById);
        acceptedById.values().forEach(c -> acceptedByBooking.put(c.bookingId(), c));
    }

    public IntakeItem<Cancellation> validate(CsvRow row) {
        return IntakeItem.keyed(row, "cancellation_id", accepted, r -> new Cancellation(r.text("cancellation_id"),
                r.text("booking_id"), r.date("cancelled_on"), r.optionalText("reason"), r.line()), c -> {
                    check(c);
                    acceptedByBooking.put(c.bookingId(), c);
                });
    }

    private void check(Cancellation cancellation) {
        LocalDate day = cancellation.cancelledOn();
        if (!period.contains(day)) {
            throw new RowRejectedException("cancelled_on", "outside the pay period " + period, day.toString());
        }
        String bookingId = cancellation.bookingId();
        BookingHistory booking = bookings.apply(bookingId).orElseThrow(() -> new RowRejectedException("booking_id",
                "unknown booking (not accepted in this or an earlier period)", bookingId));
        if (day.isBefore(booking.bookedOn())) {
            throw new RowRejectedException("cancelled_on", "before the booking date " + booking.bookedOn(),
                    day.toString());
        }
        if (booking.cancelledIn() != null) {
            throw new RowRejectedException("booking_id", "already cancelled in " + booking.cancelledIn(), bookingId);
        }
        Cancellation other = acceptedByBooking.get(bookingId);
        if (other != null) {
            throw new RowRejectedException("booking_id", "already cancelled by " + other.cancellationId()
                    + " (line " + other.line() + ")", bookingId);
        }
    }
}
