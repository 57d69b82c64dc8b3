package io.compclose.intake;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Validates splits.csv rows: a booking accepted in this period, a rep on the roster on the booking
 * date, and a percent above 0 and at most 100. Whether a booking's parts total 100 % is known only
 * once the whole file is read: crediting checks it, and a booking whose parts do not total 100 % is
 * not credited but shown to finance as an exception.
 */
public final class SplitValidator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Roster roster;
    private final Map<String, Booking> bookings;
    private final Map<String, Split> acceptedByKey;

    public SplitValidator(Roster roster, Map<String, Booking> bookings, Map<String, Split> acceptedByKey) {
        this.roster = roster;
        this.bookings = bookings;
        this.acceptedByKey = acceptedByKey;
    }

    public IntakeItem<Split> validate(CsvRow row) {
        try {
            row.requireWellFormed();
            Split candidate = new Split(row.text("booking_id"), row.text("rep_id"), row.decimal("percent", 4),
                    row.optionalText("role"), row.line());
            Split earlier = acceptedByKey.get(candidate.key());
            if (earlier != null) {
                return IntakeItem.redelivery(row, "rep_id", candidate.key(), earlier.line(),
                        earlier.sameContentAs(candidate));
            }
            check(candidate);
            acceptedByKey.put(candidate.key(), candidate);
            return IntakeItem.accept(candidate);
        } catch (RowRejectedException e) {
            return IntakeItem.reject(e.toReject(row));
        }
    }

    private void check(Split split) {
        if (split.percent().signum() <= 0 || split.percent().compareTo(HUNDRED) > 0) {
            throw new RowRejectedException("percent", "must be above 0 and at most 100",
                    split.percent().toPlainString());
        }
        Booking booking = bookings.get(split.bookingId());
        if (booking == null) {
            throw new RowRejectedException("booking_id", "unknown booking (not accepted in this period)",
                    split.bookingId());
        }
        if (!roster.knows(split.repId())) {
            throw new RowRejectedException("rep_id", "unknown rep (no accepted row in reps.csv)", split.repId());
        }
        if (roster.activeOn(split.repId(), booking.bookedOn()).isEmpty()) {
            throw new RowRejectedException("rep_id", "rep has no roster assignment on the booking date "
                    + booking.bookedOn(), split.repId());
        }
    }
}
