package io.compclose.core.input;

import io.compclose.core.money.Money;

/** A manual adjustment from adjustments.csv: paid as it is, once, with its reason and approver. */
public record Adjustment(String adjustmentId, String repId, Money amount, String reason, String approvedBy,
        long line) implements KeyedRow<Adjustment> {

    public String currency() {
        return amount.currencyCode();
    }

    @Override
    public String key() {
        return adjustmentId;
    }

    /** Same adjustment re-delivered: everything but the line it came on is equal. */
    @Override
    public boolean sameContentAs(Adjustment other) {
        return adjustmentId.equals(other.adjustmentId) && repId.equals(other.repId)
                && KeyedRow.sameAmount(amount, other.amount)
                && reason.equals(other.reason) && approvedBy.equals(other.approvedBy);
    }
}
