package io.compclose.core.input;

import java.time.LocalDate;
import java.util.Objects;

/** A booking cancelled by the customer, as accepted from cancellations.csv: it drives clawbacks. */
public record Cancellation(String cancellationId, String bookingId, LocalDate cancelledOn, String reason, long line)
        implements KeyedRow<Cancellation> {

    @Override
    public String key() {
        return cancellationId;
    }

    /** Same cancellation re-delivered: everything but the line it came on is equal. */
    @Override
    public boolean sameContentAs(Cancellation other) {
        return cancellationId.equals(other.cancellationId) && bookingId.equals(other.bookingId)
                && cancelledOn.equals(other.cancelledOn) && Objects.equals(reason, other.reason);
    }
}
