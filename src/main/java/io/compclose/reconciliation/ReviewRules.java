package io.compclose.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What finance must look at before a close pays anyone: pure rules over the period's figures.
 * Each exception names the rep (or the input) and the figures that tripped the rule.
 */
public final class ReviewRules {

    /** One rep's period as the rules see it; {@code monthlyTarget} and {@code priorPayout} may be null. */
    public record RepPeriod(String repId, String currency, BigDecimal payout, BigDecimal priorPayout,
            BigDecimal monthlyTarget, BigDecimal carriedBalance) {
    }

    /** Something finance must review: what kind, about whom, why, and the amount concerned. */
    public record ReviewException(String kind, String subject, String detail, BigDecimal amount) {
    }

    private final ReviewProperties thresholds;

    public ReviewRules(ReviewProperties thresholds) {
        this.thresholds = thresholds;
    }

    public List<ReviewException> check(List<RepPeriod> reps, List<String> uncredited, long rejectedRows) {
        List<ReviewException> found = new ArrayList<>();
        for (RepPeriod rep : reps) {
            BigDecimal multiple = thresholds.payoutAboveTargetMultiple();
            if (multiple != null && rep.monthlyTarget() != null && rep.monthlyTarget().signum() > 0
                    && rep.payout().compareTo(rep.monthlyTarget().multiply(multiple)) > 0) {
                found.add(new ReviewException("PAYOUT_ABOVE_TARGET", rep.repId(), "payout " + plain(rep.payout()) + " "
                        + rep.currency() + " is above " + plain(multiple) + " × the monthly target incentive "
                        + plain(rep.monthlyTarget()), rep.payout()));
            }
            if (thresholds.payoutAbove() != null && rep.payout().compareTo(thresholds.payoutAbove()) > 0) {
                found.add(new ReviewException("PAYOUT_ABOVE_LIMIT", rep.repId(), "payout " + plain(rep.payout()) + " "
                        + rep.currency() + " is above " + plain(thresholds.payoutAbove()), rep.payout()));
            }
            BigDecimal percent = thresholds.changeAgainstPriorPercent();
            if (percent != null && rep.priorPayout() != null && rep.priorPayout().signum() != 0) {
                BigDecimal change = rep.payout().subtract(rep.priorPayout()).abs().multiply(BigDecimal.valueOf(100))
                        .divide(rep.priorPayout().abs(), 1, RoundingMode.HALF_EVEN);
                if (change.compareTo(percent) > 0) {
                    found.add(new ReviewException("CHANGE_AGAINST_PRIOR", rep.repId(), "payout " + plain(rep.payout())
                            + " against " + plain(rep.priorPayout()) + " " + rep.currency() + " the period before: "
                            + change.toPlainString() + " % change, above " + plain(percent) + " %", rep.payout()));
                }
            }
            if (thresholds.negativeBalance() && rep.carriedBalance() != null && rep.carriedBalance().signum() < 0) {
                found.add(new ReviewException("NEGATIVE_BALANCE", rep.repId(), "carries a negative balance of "
                        + plain(rep.carriedBalance()) + " " + rep.currency() + " (paid more than earned to date)",
                        rep.carriedBalance()));
            }
        }
        if (thresholds.uncreditedBookings()) {
            uncredited.forEach(booking -> found.add(new ReviewException("UNCREDITED_BOOKING", booking.split(":")[0],
                    booking, null)));
        }
        if (thresholds.rejectedRowsAbove() != null && rejectedRows > thresholds.rejectedRowsAbove()) {
            found.add(new ReviewException("REJECTED_ROWS", "input", rejectedRows + " rejected input rows, more than "
                    + thresholds.rejectedRowsAbove(), null));
        }
        return found;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
