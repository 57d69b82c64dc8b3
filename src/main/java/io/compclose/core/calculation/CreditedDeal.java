package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import io.compclose.core.input.DealAttributes;
import io.compclose.core.money.FxConversion;

/**
 * A booking as credited to one rep, with the properties plan conditions can read
 * ({@code type == 'UPSELL' && product == 'BACKUP'}). {@code share} is the rep's credit share;
 * {@code sourced} marks credit for having sourced the deal (SDR / marketing); {@code note} says how
 * a deal booked in another currency was converted. {@code credit} is the rep's share of the ACV in
 * the pay currency as crediting converted and stored it: the one source of the deal's credited amount.
 * ACV and TCV are in the pay currency too, as crediting converted and stored them. {@code attributes} are the
 * booking's optional figures (gross margin, discount, payment terms), read by conditions under their own names.
 */
public record CreditedDeal(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
        String bundleId, BigDecimal acv, BigDecimal tcv, int termMonths, BigDecimal share, boolean sourced,
        String note, BigDecimal credit, DealAttributes attributes) {

    public CreditedDeal {
        attributes = attributes == null ? DealAttributes.NONE : attributes;
    }

    /** A deal whose booking carries none of the optional attributes. */
    public CreditedDeal(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
            String bundleId, BigDecimal acv, BigDecimal tcv, int termMonths, BigDecimal share, boolean sourced,
            String note, BigDecimal credit) {
        this(bookingId, bookedOn, accountId, type, product, bundleId, acv, tcv, termMonths, share, sourced, note,
                credit, DealAttributes.NONE);
    }

    /** A deal in the pay currency, credited its exact share of the ACV. */
    public CreditedDeal(String bookingId, LocalDate bookedOn, String accountId, String type, String product,
            String bundleId, BigDecimal acv, BigDecimal tcv, int termMonths, BigDecimal share, boolean sourced) {
        this(bookingId, bookedOn, accountId, type, product, bundleId, acv, tcv, termMonths, share, sourced, null,
                acv.multiply(share));
    }

    /**
     * The deal as crediting stored it for a rep paid in another currency: the credit is the stored,
     * already rounded conversion, reused as is, and the note says how it was made.
     */
    public CreditedDeal creditedAs(FxConversion.Converted credit) {
        BigDecimal rate = credit.rate();
        String to = credit.converted().currencyCode();
        String what = share.compareTo(BigDecimal.ONE) == 0 ? "ACV " : "credit ";
        String note = what + credit.original().currencyCode() + " "
                + credit.original().amount().stripTrailingZeros().toPlainString() + " × " + rate.toPlainString()
                + " = " + to + " " + credit.converted().amount().toPlainString();
        return new CreditedDeal(bookingId, bookedOn, accountId, type, product, bundleId, acv, tcv, termMonths, share,
                sourced, note, credit.converted().amount(), attributes);
    }

    /** The booking's gross margin in percent, as conditions read it ({@code grossMarginPct >= 20}); null if not given. */
    public BigDecimal grossMarginPct() {
        return attributes.grossMarginPct();
    }

    /** The booking's discount in percent ({@code discountPct > 30}); null if not given. */
    public BigDecimal discountPct() {
        return attributes.discountPct();
    }

    /** The booking's payment terms in days ({@code paymentTermsDays <= 60}); null if not given. */
    public Integer paymentTermsDays() {
        return attributes.paymentTermsDays();
    }

    /** The rep's credit for a booking metric: the stored credit, or what the metric takes of it. */
    BigDecimal credited(io.compclose.core.plan.Metric.Kind metric) {
        return switch (metric) {
            case BOOKINGS_ACV, RENEWAL_ACV, SOURCED_ACV -> credit;
            case BOOKINGS_TCV -> tcv != null ? tcv.multiply(share) : monthsOf(termMonths);
            case BOOKINGS_FIRST_YEAR -> monthsOf(Math.min(termMonths, 12));
            case NEW_LOGO_COUNT -> BigDecimal.ONE;
            default -> throw new IllegalArgumentException(metric + " is not measured on bookings");
        };
    }

    /** The credit (a year's ACV share) for so many months: 13 of 12 is not a terminating decimal, so to 16 digits. */
    private BigDecimal monthsOf(int months) {
        return credit.multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
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
