package io.compclose.statement;

import java.util.ArrayList;
import java.util.List;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandAmount;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TierPolicy;

/** The parts of a component's note for amount tables and per-transaction pricing (jobs/plans.md, "Rate tables"). */
final class PricingNote {

    private PricingNote() {
    }

    /** An amount table band by band: "amount table (...): 0–10,000 pays 100 USD, 10,000–20,000 pays 300 USD". */
    static String amounts(RateTable table, String currency) {
        String how = table.amounts() == BandAmount.INTERPOLATED
                ? "interpolated amount table (each band pays its amount pro rata to the part of its width the credit "
                        + "covers; the amounts add up): "
                : table.policy() == TierPolicy.MARGINAL
                        ? "amount table (each band the credit reaches pays its whole amount; the amounts add up): "
                        : "amount table (the highest band the credit reaches pays its amount, no other): ";
        List<String> bands = new ArrayList<>();
        for (Band band : table.bands()) {
            bands.add(band.label(table.basis()) + " pays " + ComponentNote.amount(band.amount()) + " " + currency);
        }
        Band last = table.bands().get(table.bands().size() - 1);
        return how + String.join(", ", bands) + (last.to() == null ? "" : ", nothing above");
    }

    /** How per-transaction pricing reads: every transaction from the first band, the threshold per transaction. */
    static String perTransaction(RateTable table) {
        return "per transaction: each transaction's credit runs through the table on its own, from the first band "
                + "whatever came before it" + (table.threshold() == null ? "" : ", and the threshold applies to "
                + "each transaction");
    }
}
