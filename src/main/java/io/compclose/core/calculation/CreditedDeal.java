package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A booking as credited to one rep, with the properties plan conditions can read
 * ({@code type == 'UPSELL' && product == 'BACKUP'}). {@code share} is the rep's credit share;
 * {@code sourced} marks credit for having sourced the deal (SDR / marketing); {@code note} says how
 * a deal booked in another currency was converted.
 */
public record CreditedDeal(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
        String bundleId, BigDecimal acv, BigDecimal tcv, int termMonths, BigDecimal share, boolean sourced,
        String note) {

    public CreditedDeal(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
            String bundleId, BigDecimal acv, BigDecimal tcv, int termMonths, BigDecimal share, boolean sourced) {
        this(bookingId, bookedOn, accountId, type, product, bundleId, acv, tcv, termMonths, share, sourced, null);
    }

    /**
     * The deal in the rep's pay currency: ACV and TCV converted at {@code rate} and rounded half-even
     * to the cent, with a note stating the original amount and the rate.
     */
    public CreditedDeal convertedAt(BigDecimal rate, String from, String to) {
        BigDecimal convertedAcv = Rounding.cents(acv.multiply(rate));
        String original = from + " " + acv.stripTrailingZeros().toPlainString() + " × " + rate.toPlainString()
                + " = " + to + " " + convertedAcv.toPlainString();
        return new CreditedDeal(bookingId, bookedOn, accountId, type, product, bundleId, convertedAcv,
                tcv == null ? null : Rounding.cents(tcv.multiply(rate)), termMonths, share, sourced,
                "ACV " + original);
    }

    /** The deal's value for a booking metric, before the credit share. */
    BigDecimal value(io.compclose.core.plan.Metric.Kind metric) {
        return switch (metric) {
            case BOOKINGS_ACV, RENEWAL_ACV, SOURCED_ACV -> acv;
            case BOOKINGS_TCV -> tcv != null ? tcv
                    : acv.multiply(BigDecimal.valueOf(termMonths)).divide(BigDecimal.valueOf(12));
            case BOOKINGS_FIRST_YEAR -> acv.multiply(BigDecimal.valueOf(Math.min(termMonths, 12)))
                    .divide(BigDecimal.valueOf(12));
            case NEW_LOGO_COUNT -> BigDecimal.ONE;
            default -> throw new IllegalArgumentException(metric + " is not measured on bookings");
        };
    }

    /** Whether the deal counts toward a booking metric at all. */
    boolean countsFor(io.compclose.core.plan.Metric.Kind metric) {
        return switch (metric) {
            case RENEWAL_ACV -> type.equals("RENEWAL");
            case SOURCED_ACV -> sourced;
            case NEW_LOGO_COUNT -> type.equals("NEW") && !sourced;
            case BOOKINGS_ACV, BOOKINGS_TCV, BOOKINGS_FIRST_YEAR -> !sourced;
            default -> false;
        };
    }
}
