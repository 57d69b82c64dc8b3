package io.compclose.plan;

import java.math.BigDecimal;

import io.compclose.core.plan.BandAmount;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TablePricing;
import io.compclose.system.FieldProblems;

/**
 * What a rate table's bands pay and how it prices, as the plan file writes them: a band pays a {@code rate}, or
 * in an amount table ({@code amounts: WHOLE | INTERPOLATED}) an {@code amount}, never both; per-transaction
 * pricing and amounts price money credit, so a component paid by attainment may not use them.
 */
final class BandPay {

    private BandPay() {
    }

    /** The band's amount (null in a table of rates), with a missing or conflicting rate or amount at its field. */
    static BigDecimal amount(PlanFile.Band band, BandAmount amounts, FieldProblems problems) {
        if (amounts == null) {
            if (band.rate() == null && !problems.has("rate")) { // a value that is no number is named already
                problems.add("rate", "is required");
            }
            if (band.amount() != null) {
                problems.add("amount", "only an amount table pays amounts: set amounts: WHOLE or INTERPOLATED on "
                        + "the rate table, or give this band a rate");
            }
            return null;
        }
        if (band.rate() != null) {
            problems.add("rate", "the table pays amounts (amounts: " + amounts + "): give this band an amount, "
                    + "not a rate");
        }
        if (band.amount() == null && !problems.has("amount")) {
            problems.add("amount", "is required: the table pays amounts (amounts: " + amounts + ")");
        }
        return band.amount();
    }

    /** Refuses per-transaction pricing and amounts on a payout curve, which prices the window's attainment. */
    static void checkPay(RateTable table, PayMethod pay, FieldProblems problems) {
        if (pay != PayMethod.TARGET_BY_ATTAINMENT) {
            return;
        }
        if (table.pricing() == TablePricing.PER_TRANSACTION) {
            problems.add("pricing: PER_TRANSACTION prices each transaction's credit; a component paid "
                    + "TARGET_BY_ATTAINMENT pays target incentive by the window's attainment: leave pricing out");
        }
        if (table.paysAmounts()) {
            problems.add("amounts: a payout curve's bands are multipliers of target incentive; amount tables pay "
                    + "on value (RATE_ON_VALUE): leave amounts out");
        }
    }
}
