package io.compclose.core.calculation;

import java.util.ArrayList;
import java.util.List;

import io.compclose.core.money.Money;

/**
 * Pays the accelerator of a period's commission as its own earning code (jobs/plans.md, "Accelerator").
 * The true-up settles commission as one figure; this only splits what the period's COMMISSION lines
 * pay, so the period's total and every other line stay as they are. ACCELERATOR is the accelerator
 * earned to date (after caps) minus what was paid as ACCELERATOR before, bounded by the commission the
 * period pays: it never makes COMMISSION negative, and what does not fit follows with later commission.
 * Accelerator paid before that is no longer earned (attainment fell back) comes back as a negative
 * ACCELERATOR line, paid as COMMISSION instead. A period that pays no commission pays no accelerator.
 *
 * @param earnedToDate accelerator earned in the plan year, after the caps took from it first
 * @param paidBefore   accelerator paid as ACCELERATOR in earlier periods of the plan year
 */
public record AcceleratorSplit(Money earnedToDate, Money paidBefore) {

    /** What the period pays as ACCELERATOR out of the COMMISSION {@code lines}. */
    public Money paid(List<PayLine> lines) {
        Money commission = commission(lines);
        if (commission.signum() <= 0) {
            return Money.zero(commission.currency());
        }
        return earnedToDate.minus(paidBefore).rounded().min(commission);
    }

    /** The lines with {@link #paid} moved out of their COMMISSION lines into ACCELERATOR lines. */
    public List<PayLine> apply(List<PayLine> lines) {
        Money paid = paid(lines);
        if (paid.isZero()) {
            return lines;
        }
        List<PayLine> split = new ArrayList<>();
        Money left = paid;
        for (PayLine line : lines) {
            boolean carve = line.code() == EarningCode.COMMISSION && line.amount().signum() > 0 && !left.isZero();
            if (!carve) {
                split.add(line);
                continue;
            }
            Money moved = left.signum() < 0 ? left : left.min(line.amount());
            left = left.minus(moved);
            Money rest = line.amount().minus(moved);
            if (!rest.isZero()) {
                split.add(new PayLine(EarningCode.COMMISSION, rest, line.why() + (moved.signum() > 0
                        ? "; of which " + plain(moved) + " is paid as ACCELERATOR"
                        : "; with " + plain(moved.negate()) + " paid as ACCELERATOR before, no longer earned above quota"),
                        line.reference()));
            }
            split.add(new PayLine(EarningCode.ACCELERATOR, moved, why(paid), line.reference()));
        }
        return split;
    }

    private String why(Money paid) {
        Money outstanding = earnedToDate.minus(paidBefore).rounded();
        String why = "earned above quota at the accelerator rate to date " + plain(earnedToDate) + " − paid before "
                + plain(paidBefore);
        if (paid.signum() < 0) {
            return why + ": attainment fell back, paid as commission";
        }
        return paid.compareTo(outstanding) < 0
                ? why + "; " + plain(outstanding.minus(paid)) + " follows with later commission" : why;
    }

    private Money commission(List<PayLine> lines) {
        return PayLine.sum(Money.zero(earnedToDate.currency()),
                lines.stream().filter(l -> l.code() == EarningCode.COMMISSION).toList());
    }

    private static String plain(Money amount) {
        return PeriodSettlement.plain(amount);
    }
}
