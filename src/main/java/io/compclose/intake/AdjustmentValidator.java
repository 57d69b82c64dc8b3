package io.compclose.intake;

import io.compclose.core.input.Adjustment;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Roster;
import io.compclose.core.inquiry.AdjustmentApproval;
import java.util.Optional;
import java.util.function.Function;
import io.compclose.core.plan.PayPeriod;

/**
 * Validates adjustments.csv rows: a rep on the roster in the period, an amount in cents in the
 * rep's pay currency and not zero, a reason and an approver other than the rep. An adjustment id
 * paid in an earlier period is rejected: an adjustment is paid once.
 *
 * @param paidIn the earlier period whose close paid an adjustment id, if any
 */
public record AdjustmentValidator(PayPeriod period, Roster roster, AcceptedRows<Adjustment> accepted,
        Function<String, Optional<String>> paidIn) {

    public IntakeItem<Adjustment> validate(CsvRow row) {
        return IntakeItem.keyed(row, "adjustment_id", accepted, r -> {
            String id = r.text("adjustment_id");
            String repId = r.text("rep_id");
            return new Adjustment(id, repId, r.money("amount", r.currency("currency")), r.text("reason"),
                    r.text("approved_by"), r.line());
        }, this::check);
    }

    private void check(Adjustment adjustment) {
        if (AdjustmentApproval.isInquiryAdjustment(adjustment.adjustmentId())) {
            throw new RowRejectedException("adjustment_id", "INQ- ids are the adjustments of inquiries, resolved in "
                    + "the console", adjustment.adjustmentId());
        }
        paidIn.apply(adjustment.adjustmentId()).ifPresent(earlier -> {
            throw new RowRejectedException("adjustment_id", "already paid in " + earlier
                    + " (an adjustment is paid once)", adjustment.adjustmentId());
        });
        if (adjustment.amount().isZero()) {
            throw new RowRejectedException("amount", "must not be zero", adjustment.amount().amount().toPlainString());
        }
        RepAssignment rep = roster.forPeriod(adjustment.repId(), period).orElseThrow(() -> new RowRejectedException(
                "rep_id", roster.knows(adjustment.repId()) ? "rep has no roster assignment in " + period
                        : "unknown rep (no accepted row in reps.csv)", adjustment.repId()));
        if (!adjustment.currency().equals(rep.payCurrency())) {
            throw new RowRejectedException("currency", "differs from the rep's pay currency " + rep.payCurrency(),
                    adjustment.currency());
        }
        if (adjustment.approvedBy().equalsIgnoreCase(adjustment.repId())) {
            throw new RowRejectedException("approved_by", "the rep cannot approve their own adjustment",
                    adjustment.approvedBy());
        }
    }
}
