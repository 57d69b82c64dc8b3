package io.compclose.plan;

import java.math.BigDecimal;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.RateTable;
import io.compclose.system.FieldProblems;

/**
 * The rules of {@code pay: PER_UNIT}: a count is paid (not money, a rate or a score), its bands are counts of
 * units with whole-number edges, and an amount per unit fits the earning line's rate column.
 */
final class PerUnitCheck {

    /** Earning lines record their rate as decimal(16,10): an amount per unit stays below a million. */
    private static final BigDecimal MAX_PER_UNIT = new BigDecimal("1000000");

    private PerUnitCheck() {
    }

    static void check(Metric metric, PlanFile.Component written, RateTable table, FieldProblems problems) {
        if (metric != null && metric.isMoney()) {
            problems.add("pay", "PER_UNIT pays an amount per unit of a count; " + metric
                    + " is money, use RATE_ON_VALUE");
        } else if (metric != null && !metric.isCount()) {
            problems.add("pay", "PER_UNIT pays an amount per unit of a count (NEW_LOGO_COUNT, ACTIVITY_COUNT); "
                    + metric + " is not one, use TARGET_BY_ATTAINMENT");
        }
        if (written.rateTable() != null && written.rateTable().basis() == BandBasis.ATTAINMENT) {
            problems.add("rate_table.basis", "PER_UNIT bands are counts of units (from: 20 starts after the 20th "
                    + "unit), not fractions of quota; leave basis out");
        }
        if (table == null) {
            return;
        }
        boolean flat = written.rate() != null;
        for (int i = 0; i < table.bands().size(); i++) {
            Band band = table.bands().get(i);
            String at = "rate_table.bands[" + i + "].";
            if (!flat) {
                whole(problems, at + "from", band.from());
                whole(problems, at + "to", band.to());
            }
            if (band.rate().compareTo(MAX_PER_UNIT) >= 0) {
                problems.add(flat ? "rate" : at + "rate", "must be below 1,000,000 per unit, was "
                        + band.rate().toPlainString());
            }
        }
        if (table.threshold() != null) {
            whole(problems, "rate_table.threshold.amount", table.threshold().at());
        }
    }

    private static void whole(FieldProblems problems, String field, BigDecimal count) {
        if (count != null && count.stripTrailingZeros().scale() > 0) {
            problems.add(field, "a count of units must be a whole number, was " + count.toPlainString());
        }
    }
}
