package io.compclose.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A booking as credited to one rep, with the properties plan conditions can read
 * ({@code type == 'UPSELL' && product == 'BACKUP'}). {@code share} is the rep's credit share;
 * {@code sourced} marks credit for having sourced the deal (SDR / marketing).
 */
public record CreditedDeal(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
        String bundleId, BigDecimal acv, BigDecimal tcv, int termMonths, BigDecimal share, boolean sourced) {

    /** The deal's value for a booking metric, before the credit share. */
    BigDecimal value(io.compclose.plan.Metric.Kind metric) {
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
    boolean countsFor(io.compclose.plan.Metric.Kind metric) {
        return switch (metric) {
            case RENEWAL_ACV -> type.equals("RENEWAL");
            case SOURCED_ACV -> sourced;
            case NEW_LOGO_COUNT -> type.equals("NEW") && !sourced;
            case BOOKINGS_ACV, BOOKINGS_TCV, BOOKINGS_FIRST_YEAR -> !sourced;
            default -> false;
        };
    }
}
