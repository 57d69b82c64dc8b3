package io.compclose.intake;

import io.compclose.core.input.Roster;
import io.compclose.core.input.Split;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validates splits.csv rows: a booking accepted in this period, a rep on the roster on the booking
 * date, and a percent above 0 and at most 100. Whether a booking's parts total 100 % is known only
 * once the whole file is read: crediting checks it, and a booking whose parts do not total 100 % is
 * not credited but shown to finance as an exception.
 *
 * @param bookedOn the booking date of a booking accepted in this period, by booking id
 */
public record SplitValidator(Roster roster, Function<String, Optional<LocalDate>> bookedOn,
        AcceptedRows<Split> accepted) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public IntakeItem<Split> validate(CsvRow row) {
        return IntakeItem.keyed(row, "rep_id", accepted, r -> new Split(r.text("booking_id"), r.text("rep_id"),
                r.decimal("percent", 4), r.optionalText("role"), r.line()), this::check)
                .naming(row, CsvFileSpec.SPLITS, "rep_id");
    }

    private void check(Split split) {
        if (split.percent().signum() <= 0 || split.percent().compareTo(HUNDRED) > 0) {
            throw new RowRejectedException("percent", "must be above 0 and at most 100",
                    split.percent().toPlainString());
        }
        LocalDate day = bookedOn.apply(split.bookingId()).orElseThrow(() -> new RowRejectedException(
                "booking_id", "unknown booking (not accepted in this period)", split.bookingId()));
        if (!roster.knows(split.repId())) {
            throw new RowRejectedException("rep_id", "unknown rep (no accepted row in reps.csv)", split.repId());
        }
        if (roster.activeOn(split.repId(), day).isEmpty()) {
            throw new RowRejectedException("rep_id", "rep has no roster assignment on the booking date " + day,
                    split.repId());
        }
    }
}
