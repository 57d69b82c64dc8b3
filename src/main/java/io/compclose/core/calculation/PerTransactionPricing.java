package io.compclose.core.calculation;

import java.util.ArrayList;
import java.util.List;

/**
 * Rate on value when the table prices each transaction on its own (jobs/plans.md, "Per transaction"): every
 * transaction runs through the bands from the first, whatever the window held before it, so its line never
 * changes later and there is nothing to re-price. Oracle Incentive Compensation calls this processing
 * transactions individually against the rate table. The bands are on amounts, so nothing is above quota: no
 * accelerator.
 */
final class PerTransactionPricing {

    private PerTransactionPricing() {
    }

    static List<ComponentLine> lines(ComponentTerms terms, List<CreditedTransaction> ordered) {
        List<ComponentLine> lines = new ArrayList<>();
        for (CreditedTransaction t : ordered) {
            Priced priced = RateTablePricing.perTransaction(terms.table(), t.credit());
            lines.add(new ComponentLine(ComponentLine.Kind.TRANSACTION, t.sourceId(), t.period(), t.credit(),
                    t.multiplier(), ComponentCalculator.bands(priced.slices(), terms),
                    ComponentCalculator.effectiveRate(priced.amount(), t.credit()), terms.line(priced.amount()),
                    ComponentCalculator.why(t, priced.belowThreshold() ? "below the threshold: this transaction "
                            + "earns nothing" : "")));
        }
        return lines;
    }
}
