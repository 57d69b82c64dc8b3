package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import io.compclose.core.money.Money;
import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandAmount;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TierPolicy;

/**
 * Prices a quantity through an amount table (jobs/plans.md, "Amount tables"), exactly: each slice's
 * {@code rate} is the share of its band's amount paid (1 for a whole amount).
 * <ul>
 * <li>MARGINAL, WHOLE: every band reached (quantity at or above its {@code from}) pays its amount; they add up.</li>
 * <li>MARGINAL, INTERPOLATED: every band pays its amount × the part of its width the quantity covers
 * (Oracle Incentive Compensation's interpolated, "proportional within a tier", amount tables).</li>
 * <li>RETROACTIVE, WHOLE: only the highest band reached pays its amount.</li>
 * </ul>
 * RETROACTIVE with INTERPOLATED is refused when the plan is read; so is a PAY_ABOVE_ONLY threshold on whole
 * amounts, so {@code excluded} only ever trims interpolated bands.
 */
final class AmountBands {

    /** A share of a band is a ratio: kept to 16 significant digits, the amount it makes is rounded per line. */
    private static final MathContext SHARE = new MathContext(16, Money.ROUNDING);

    private AmountBands() {
    }

    static List<BandSlice> slices(RateTable table, BigDecimal quantity, BigDecimal scale, BigDecimal excluded) {
        if (table.policy() == TierPolicy.RETROACTIVE) {
            return reached(table, quantity, scale);
        }
        List<BandSlice> slices = new ArrayList<>();
        for (Band band : table.bands()) {
            BigDecimal start = band.from().multiply(scale);
            if (quantity.compareTo(start) < 0) {
                break;
            }
            BigDecimal from = start.max(excluded);
            BigDecimal to = band.to() == null ? quantity : band.to().multiply(scale).min(quantity);
            BigDecimal inBand = to.subtract(from).max(BigDecimal.ZERO);
            BigDecimal share = table.amounts() == BandAmount.WHOLE ? BigDecimal.ONE
                    : inBand.divide(band.to().subtract(band.from()).multiply(scale), SHARE);
            if (share.signum() > 0) {
                slices.add(new BandSlice(band, inBand, share, band.amount().multiply(share)));
            }
        }
        return slices;
    }

    private static List<BandSlice> reached(RateTable table, BigDecimal quantity, BigDecimal scale) {
        Band reached = table.bands().get(0);
        for (Band band : table.bands()) {
            if (quantity.compareTo(band.from().multiply(scale)) >= 0) {
                reached = band;
            }
        }
        return List.of(new BandSlice(reached, quantity, BigDecimal.ONE, reached.amount()));
    }
}
