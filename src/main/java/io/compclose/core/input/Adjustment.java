package io.compclose.core.input;

import java.math.BigDecimal;

/** A manual adjustment from adjustments.csv: paid as it is, once, with its reason and approver. */
public record Adjustment(String adjustmentId, String repId, BigDecimal amount, String currency, String reason,
        String approvedBy, long line) implements KeyedRow<Adjustment> {

    @Override
    public String key() {
        return adjustmentId;
    }

    /** Same adjustment re-delivered: everything but the line it came on is equal. */
    @Override
    public boolean sameContentAs(Adjustment other) {
        return adjustmentId.equals(other.adjustmentId) && repId.equals(other.repId)
                && amount.compareTo(other.amount) == 0 && currency.equals(other.currency)
                && reason.equals(other.reason) && approvedBy.equals(other.approvedBy);
    }
}
