package io.compclose.core.inquiry;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The adjustment an inquiry is resolved with: requested by one finance user, approved by another (four eyes),
 * never by the rep it pays. The amount is in cents and not zero.
 */
public record AdjustmentApproval(BigDecimal amount, String reason, String requestedBy, String approvedBy) {

    /** The id the adjustment is paid under: one per inquiry, so it is paid once. */
    public static String adjustmentId(long inquiryId) {
        return "INQ-" + inquiryId;
    }

    /** Whether an adjustment id is an inquiry's rather than a row of adjustments.csv. */
    public static boolean isInquiryAdjustment(String adjustmentId) {
        return adjustmentId.toUpperCase(Locale.ROOT).startsWith("INQ-");
    }

    /** Checks the approval; throws with what is wrong. */
    public static AdjustmentApproval of(BigDecimal amount, String reason, String requestedBy, String approvedBy,
            String repId) {
        if (amount == null || amount.signum() == 0) {
            throw new InquiryException("The adjustment needs an amount other than zero.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InquiryException("The adjustment's amount has more than two decimals: " + amount.toPlainString());
        }
        if (reason == null || reason.isBlank()) {
            throw new InquiryException("The adjustment needs a reason.");
        }
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new InquiryException("The adjustment needs an approver.");
        }
        if (approvedBy.strip().equalsIgnoreCase(requestedBy)) {
            throw new InquiryException("The adjustment must be approved by someone other than " + requestedBy
                    + ", who requests it.");
        }
        if (approvedBy.strip().equalsIgnoreCase(repId)) {
            throw new InquiryException("The rep cannot approve their own adjustment.");
        }
        return new AdjustmentApproval(amount.setScale(2), reason.strip(), requestedBy, approvedBy.strip());
    }

    /** What the adjustment says on the rep's statement: "Adjustment for inquiry #3 (2026-10 line 2): why". */
    public String statementText(long inquiryId, String period, Integer lineNo) {
        return "Adjustment for inquiry #" + inquiryId + " (" + period + (lineNo == null ? "" : " line " + lineNo)
                + "): " + reason;
    }
}
