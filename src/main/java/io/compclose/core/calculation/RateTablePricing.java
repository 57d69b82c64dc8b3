package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.ThresholdSemantics;
import io.compclose.core.plan.TierPolicy;

/**
 * Prices a quantity through a rate table, exactly (no rounding here).
 * <ul>
 * <li>{@link #commission}: a cumulative credited amount, bands on attainment scaled by the quota
 * or on amounts; the result is money.</li>
 * <li>{@link #curve}: an attainment through a payout curve; the result is the factor that
 * multiplies target incentive × weight.</li>
 * </ul>
 * MARGINAL pays each band's rate on the part inside it; RETROACTIVE pays the rate of the band the
 * quantity reached on all of it. A PAY_ABOVE_ONLY threshold removes the part below it; an
 * UNLOCK_FROM_FIRST_DOLLAR threshold pays nothing until it is reached, then everything. An amount table's
 * bands pay fixed amounts ({@link AmountBands}); {@link #perTransaction} prices one transaction on its own.
 */
public final class RateTablePricing {

    private RateTablePricing() {
    }

    /** Commission on {@code credit} (cumulative over the measurement window) against {@code quota}. */
    public static Priced commission(RateTable table, BigDecimal credit, BigDecimal quota) {
        BigDecimal scale = table.basis() == BandBasis.ATTAINMENT ? requirePositive(quota) : BigDecimal.ONE;
        return price(table, credit, scale);
    }

    /**
     * Commission on one transaction's own {@code credit}, from the first band whatever came before it (a
     * PER_TRANSACTION table, whose bands are on amounts). A negative credit (a reversal) takes back what the
     * same positive credit earns.
     */
    public static Priced perTransaction(RateTable table, BigDecimal credit) {
        Priced priced = price(table, credit.abs(), BigDecimal.ONE);
        return credit.signum() >= 0 ? priced : new Priced(priced.amount().negate(), priced.slices(),
                priced.belowThreshold());
    }

    /** The payout factor of an attainment on a curve whose bands are attainment fractions. */
    public static Priced curve(RateTable table, BigDecimal attainment) {
        if (table.basis() != BandBasis.ATTAINMENT) {
            throw new IllegalArgumentException("a payout curve needs bands on attainment");
        }
        return price(table, attainment, BigDecimal.ONE);
    }

    /**
     * The accelerator in what a table made of a quantity (jobs/plans.md, "Accelerator"): on bands that
     * start at or above quota (attainment 1.0), what each slice earns above its quantity at the rate at
     * quota, the rate of the last band starting below 1.0. A band paying less than that adds nothing.
     * Tables on amounts have no quota to be above, and amount tables no rate: zero.
     */
    public static BigDecimal accelerator(RateTable table, Priced priced) {
        return priced.slices().stream().map(s -> s.quantity().multiply(acceleration(table, s.band())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The extra rate an accelerator band pays over the rate at quota (zero below quota or on amounts). */
    static BigDecimal acceleration(RateTable table, Band band) {
        BigDecimal atQuota = table.paysAmounts() ? null : rateAtQuota(table);
        return atQuota == null || band.from().compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ZERO
                : band.rate().subtract(atQuota).max(BigDecimal.ZERO);
    }

    /** The rate of the band that holds attainment just below 1.0; null on a table of amounts. */
    private static BigDecimal rateAtQuota(RateTable table) {
        if (table.basis() != BandBasis.ATTAINMENT) {
            return null;
        }
        BigDecimal rate = null;
        for (Band band : table.bands()) {
            if (band.from().compareTo(BigDecimal.ONE) < 0) {
                rate = band.rate();
            }
        }
        return rate;
    }

    private static Priced price(RateTable table, BigDecimal quantity, BigDecimal scale) {
        if (quantity.signum() <= 0) {
            return new Priced(BigDecimal.ZERO, List.of(), false);
        }
        BigDecimal gate = table.threshold() == null ? BigDecimal.ZERO : table.threshold().at().multiply(scale);
        boolean below = quantity.compareTo(gate) < 0;
        ThresholdSemantics semantics = table.threshold() == null ? null : table.threshold().semantics();
        if (below && semantics != null) {
            return new Priced(BigDecimal.ZERO, List.of(), true);
        }
        BigDecimal excluded = semantics == ThresholdSemantics.PAY_ABOVE_ONLY ? gate : BigDecimal.ZERO;
        List<BandSlice> slices = table.paysAmounts() ? AmountBands.slices(table, quantity, scale, excluded)
                : table.policy() == TierPolicy.MARGINAL ? marginal(table, quantity, scale, excluded)
                : retroactive(table, quantity, scale, excluded);
        BigDecimal amount = slices.stream().map(BandSlice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Priced(amount, slices, false);
    }

    private static List<BandSlice> marginal(RateTable table, BigDecimal quantity, BigDecimal scale,
            BigDecimal excluded) {
        List<BandSlice> slices = new ArrayList<>();
        for (Band band : table.bands()) {
            BigDecimal from = band.from().multiply(scale).max(excluded);
            BigDecimal to = band.to() == null ? quantity : band.to().multiply(scale).min(quantity);
            BigDecimal inBand = to.subtract(from);
            if (inBand.signum() > 0) {
                slices.add(new BandSlice(band, inBand, band.rate(), inBand.multiply(band.rate())));
            }
        }
        return slices;
    }

    private static List<BandSlice> retroactive(RateTable table, BigDecimal quantity, BigDecimal scale,
            BigDecimal excluded) {
        Band reached = table.bands().get(0);
        for (Band band : table.bands()) {
            if (quantity.compareTo(band.from().multiply(scale)) >= 0) {
                reached = band;
            }
        }
        Band last = table.bands().get(table.bands().size() - 1);
        BigDecimal capped = last.to() == null ? quantity : quantity.min(last.to().multiply(scale));
        BigDecimal paid = capped.subtract(excluded);
        return paid.signum() <= 0 ? List.of()
                : List.of(new BandSlice(reached, paid, reached.rate(), paid.multiply(reached.rate())));
    }

    private static BigDecimal requirePositive(BigDecimal quota) {
        if (quota == null || quota.signum() <= 0) {
            throw new IllegalArgumentException("bands on attainment need a quota above zero");
        }
        return quota;
    }
}
