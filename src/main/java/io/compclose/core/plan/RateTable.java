package io.compclose.core.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Rate bands as data: half-open {@code [from, to)} bands on a basis (attainment or amount), a
 * tier policy, and an optional threshold. {@code pricing} says whether the window's cumulative credit or
 * each transaction runs through the bands; {@code amounts}, when set, makes the bands pay fixed amounts
 * instead of rates (null: a table of rates). A last band with a {@code to} caps the table: nothing
 * above it earns (plans.md's activity curve stops at 120 %). {@link #problems()} lists every gap, overlap or
 * impossible value, so plan validation can name them all.
 */
public record RateTable(TierPolicy policy, BandBasis basis, List<Band> bands, Threshold threshold,
        TablePricing pricing, BandAmount amounts) {

    public RateTable {
        bands = List.copyOf(bands);
        pricing = pricing == null ? TablePricing.CUMULATIVE : pricing;
    }

    /** A table of rates over the window's cumulative credit. */
    public RateTable(TierPolicy policy, BandBasis basis, List<Band> bands, Threshold threshold) {
        this(policy, basis, bands, threshold, TablePricing.CUMULATIVE, null);
    }

    /** One rate on every amount: a single open band, needing no quota. */
    public static RateTable flat(BigDecimal rate) {
        return new RateTable(TierPolicy.MARGINAL, BandBasis.AMOUNT,
                List.of(new Band(BigDecimal.ZERO, null, rate)), null);
    }

    /** One open band from 0 and no threshold: the same rate on every amount. */
    public boolean isFlat() {
        return bands.size() == 1 && threshold == null && bands.get(0).to() == null && amounts == null;
    }

    /** Every rule the bands break, as "bands[i]: ..." texts; empty when the table is sound. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (bands.isEmpty()) {
            problems.add("bands: at least one band is required");
            return problems;
        }
        if (bands.get(0).from().signum() != 0) {
            problems.add("bands[0].from: the first band must start at 0, was "
                    + bands.get(0).from().toPlainString());
        }
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            if (band.rate() != null && band.rate().signum() < 0) {
                problems.add("bands[" + i + "].rate: must not be negative, was " + band.rate().toPlainString());
            }
            if (band.to() != null && band.to().compareTo(band.from()) <= 0) {
                problems.add("bands[" + i + "]: 'to' " + band.to().toPlainString() + " must be above 'from' "
                        + band.from().toPlainString());
            }
            if (band.to() == null && i < bands.size() - 1) {
                problems.add("bands[" + i + "]: only the last band may be open-ended");
            }
            if (i > 0 && bands.get(i - 1).to() != null) {
                int cmp = band.from().compareTo(bands.get(i - 1).to());
                if (cmp > 0) {
                    problems.add("bands[" + i + "].from: gap between " + bands.get(i - 1).to().toPlainString()
                            + " and " + band.from().toPlainString());
                } else if (cmp < 0) {
                    problems.add("bands[" + i + "].from: overlaps the previous band, which ends at "
                            + bands.get(i - 1).to().toPlainString());
                }
            }
        }
        if (threshold != null && threshold.at().signum() < 0) {
            problems.add("threshold.at: must not be negative, was " + threshold.at().toPlainString());
        }
        problems.addAll(pricingProblems());
        return problems;
    }

    /** What per-transaction pricing and amount tables cannot be combined with (jobs/plans.md, "Rate tables"). */
    private List<String> pricingProblems() {
        List<String> problems = new ArrayList<>();
        if (pricing == TablePricing.PER_TRANSACTION && basis == BandBasis.ATTAINMENT) {
            problems.add("pricing: PER_TRANSACTION prices each transaction's own credit, which has an amount but "
                    + "no attainment of the window's quota: set basis: AMOUNT");
        }
        if (amounts == BandAmount.INTERPOLATED && policy == TierPolicy.RETROACTIVE) {
            problems.add("amounts: INTERPOLATED spreads every band's amount through the band, which needs policy: "
                    + "MARGINAL; RETROACTIVE pays the band reached only (use amounts: WHOLE)");
        }
        Band last = bands.get(bands.size() - 1);
        if (amounts == BandAmount.INTERPOLATED && last.to() == null) {
            problems.add("bands[" + (bands.size() - 1) + "].to: is required: an interpolated amount table spreads "
                    + "each band's amount through its width, and an open band has none");
        }
        if (amounts == BandAmount.WHOLE && threshold != null
                && threshold.semantics() == ThresholdSemantics.PAY_ABOVE_ONLY) {
            problems.add("threshold.semantics: PAY_ABOVE_ONLY pays only the credit above the threshold, which a "
                    + "whole band amount cannot split: use UNLOCK_FROM_FIRST_DOLLAR or amounts: INTERPOLATED");
        }
        return problems;
    }

    /** Whether the bands pay fixed amounts rather than rates. */
    public boolean paysAmounts() {
        return amounts != null;
    }

    /** The band a value falls in (the last band for anything above the top). */
    public Band bandOf(BigDecimal value) {
        for (Band band : bands) {
            if (band.contains(value)) {
                return band;
            }
        }
        return bands.get(bands.size() - 1);
    }
}
