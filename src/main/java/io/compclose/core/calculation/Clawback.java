package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.PlanTerms.Clawback.Method;
import io.compclose.core.money.Money;

/**
 * Recovers commission paid on a cancelled booking, when the cancellation falls within the plan's
 * window after booking: all of it, pro rata to the months of the term left unused (as the
 * published examples count them: a month once started is used), a fixed share, or the share of a
 * schedule by months since booking.
 */
public final class Clawback {

    private Clawback() {
    }

    /** Months of the term used by the cancellation date; a month once started counts as used. */
    static long monthsUsed(LocalDate bookedOn, LocalDate cancelledOn) {
        long whole = ChronoUnit.MONTHS.between(bookedOn, cancelledOn);
        return bookedOn.plusMonths(whole).isBefore(cancelledOn) ? whole + 1 : whole;
    }

    /**
     * The clawback of one cancelled booking, or empty when the cancellation came after the window.
     *
     * @param paidCommission commission already paid on the booking
     */
    public static Optional<PayLine> of(String bookingId, String paidIn, Money paidCommission, LocalDate bookedOn,
            int termMonths, LocalDate cancelledOn, int windowDays, Method method) {
        long daysAfterBooking = ChronoUnit.DAYS.between(bookedOn, cancelledOn);
        if (daysAfterBooking > windowDays || paidCommission.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal share = BigDecimal.ONE;
        String how = "in full";
        if (method == Method.PRO_RATA_UNUSED_TERM) {
            long unused = Math.max(0, termMonths - monthsUsed(bookedOn, cancelledOn));
            share = BigDecimal.valueOf(unused).divide(BigDecimal.valueOf(termMonths), MathContext.DECIMAL64);
            how = "pro rata: " + unused + " of " + termMonths + " months of the term unused";
        }
        return Optional.of(line(bookingId, paidIn, paidCommission, cancelledOn, daysAfterBooking, share, how));
    }

    /**
     * The clawback of one cancelled booking under the plan's terms: in full or pro rata as above, or a
     * fixed share or the share a schedule by months since booking gives ({@link ClawbackShare}); empty
     * when the cancellation came after the window or the schedule, or nothing is recovered.
     */
    public static Optional<PayLine> of(String bookingId, String paidIn, Money paidCommission, LocalDate bookedOn,
            int termMonths, LocalDate cancelledOn, PlanTerms.Clawback terms) {
        if (terms.method() == Method.FULL || terms.method() == Method.PRO_RATA_UNUSED_TERM) {
            return of(bookingId, paidIn, paidCommission, bookedOn, termMonths, cancelledOn, terms.windowDays(),
                    terms.method());
        }
        long daysAfterBooking = ChronoUnit.DAYS.between(bookedOn, cancelledOn);
        if (daysAfterBooking > terms.windowDays() || paidCommission.signum() <= 0) {
            return Optional.empty();
        }
        return ClawbackShare.of(terms, bookedOn, cancelledOn).filter(s -> s.share().signum() > 0)
                .map(s -> line(bookingId, paidIn, paidCommission, cancelledOn, daysAfterBooking, s.share(), s.how()));
    }

    private static PayLine line(String bookingId, String paidIn, Money paidCommission, LocalDate cancelledOn,
            long daysAfterBooking, BigDecimal share, String how) {
        Money amount = paidCommission.times(share).rounded().negate();
        return new PayLine(EarningCode.CLAWBACK, amount, "clawback of " + bookingId + " (commission "
                + paidCommission.amount().toPlainString() + " paid in " + paidIn + "), cancelled " + cancelledOn + ", "
                + daysAfterBooking + " days after booking, " + how, bookingId);
    }
}
