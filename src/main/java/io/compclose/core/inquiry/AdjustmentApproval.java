package io.compclose.core.inquiry;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The adjustment an inquiry is resolved with: proposed by one finance user, approved by another (four eyes);
 * made only by {@link AdjustmentProposal#approvedBy}.
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

    /** What the adjustment says on the rep's statement: "Adjustment for inquiry #3 (2026-10 line 2): why". */
    public String statementText(long inquiryId, String period, Integer lineNo) {
        return "Adjustment for inquiry #" + inquiryId + " (" + period + (lineNo == null ? "" : " line " + lineNo)
                + "): " + reason;
    }
}
