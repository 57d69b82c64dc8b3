package io.compclose.core.inquiry;

import java.math.BigDecimal;

/**
 * The adjustment a finance user proposes to resolve an inquiry with. It is paid only once another finance
 * user approves it (four eyes): never the one who proposed it, never the rep it pays. The amount is in cents
 * and not zero.
 */
public record AdjustmentProposal(BigDecimal amount, String reason, String proposedBy) {

    /** Checks the proposal; throws with what is wrong. */
    public static AdjustmentProposal of(BigDecimal amount, String reason, String proposedBy) {
        if (amount == null || amount.signum() == 0) {
            throw new InquiryException("The adjustment needs an amount other than zero.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InquiryException("The adjustment's amount has more than two decimals: " + amount.toPlainString());
        }
        if (reason == null || reason.isBlank()) {
            throw new InquiryException("The adjustment needs a reason.");
        }
        return new AdjustmentProposal(amount.setScale(2), reason.strip(), proposedBy);
    }

    /** The approval by {@code approver}, who signed in to approve; refused for the proposer or the rep. */
    public AdjustmentApproval approvedBy(String approver, String repId) {
        if (approver == null || approver.isBlank()) {
            throw new InquiryException("The adjustment needs an approver.");
        }
        if (approver.strip().equalsIgnoreCase(proposedBy)) {
            throw new InquiryException("The adjustment must be approved by someone other than " + proposedBy
                    + ", who proposed it.");
        }
        if (approver.strip().equalsIgnoreCase(repId)) {
            throw new InquiryException("The rep cannot approve their own adjustment.");
        }
        return new AdjustmentApproval(amount, reason, proposedBy, approver.strip());
    }
}
