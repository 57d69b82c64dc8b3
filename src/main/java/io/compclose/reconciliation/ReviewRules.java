package io.compclose.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What finance must look at before a close pays anyone: pure rules over the period's figures.
 * Each exception names the rep (or the input) and the figures that tripped the rule. Reps left
 * unpaid because their roster row was rejected come first: nothing else on the list costs someone
 * their pay without a trace on their statement.
 */
public record ReviewRules(ReviewProperties thresholds) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One rep's period as the rules see it; {@code monthlyTarget} and {@code priorPayout} may be null. */
    public record RepPeriod(String repId, String currency, BigDecimal payout, BigDecimal priorPayout,
            BigDecimal monthlyTarget, BigDecimal carriedBalance) {
    }

    /** A rep named by rejected bookings who has no accepted roster row, with the lines of those bookings. */
    public record RepWithoutRoster(String repId, List<Long> bookingLines) {
    }

    /** The period's payout total in one currency and the prior period's ({@code null} if none). */
    public record PayoutTotal(String currency, BigDecimal total, BigDecimal priorTotal) {
    }

    /** One input file's rows read and rejected. */
    public record FileRows(String file, long read, long rejected) {
    }

    /** One booking of the period, for the size of a single deal. */
    public record Booking(String bookingId, String repId, String currency, BigDecimal acv) {
    }

    /** Everything the rules read about one period. */
    public record PeriodFigures(List<RepWithoutRoster> repsWithoutRoster, List<RepPeriod> reps,
            List<PayoutTotal> totals, List<Booking> bookings, List<String> uncredited, List<FileRows> files,
            long rejectedRows) {
    }

    /** Something finance must review: what kind, about whom, why, and the amount concerned. */
    public record ReviewException(String kind, String subject, String detail, BigDecimal amount) {
    }

    public List<ReviewException> check(PeriodFigures period) {
        List<ReviewException> found = new ArrayList<>();
        if (thresholds.repsWithoutRoster()) {
            period.repsWithoutRoster().forEach(rep -> found.add(withoutRoster(rep)));
        }
        for (RepPeriod rep : period.reps()) {
            checkRep(rep, found);
        }
        period.totals().forEach(total -> checkTotal(total, found));
        BigDecimal bookingAbove = thresholds.bookingAbove();
        for (Booking booking : period.bookings()) {
            if (bookingAbove != null && booking.acv().compareTo(bookingAbove) > 0) {
                found.add(new ReviewException("BOOKING_ABOVE_LIMIT", booking.bookingId(), "ACV " + plain(booking.acv())
                        + " " + booking.currency() + " (rep " + booking.repId() + ") is above " + plain(bookingAbove)
                        + " for a single booking", booking.acv()));
            }
        }
        if (thresholds.uncreditedBookings()) {
            period.uncredited().forEach(booking -> found.add(new ReviewException("UNCREDITED_BOOKING",
                    booking.split(":")[0], booking, null)));
        }
        BigDecimal share = thresholds.rejectedSharePercent();
        for (FileRows file : period.files()) {
            if (share != null && file.read() > 0 && file.read() >= thresholds.rejectedShareMinRows() && BigDecimal.valueOf(file.rejected()).multiply(HUNDRED)
                    .compareTo(share.multiply(BigDecimal.valueOf(file.read()))) > 0) {
                found.add(new ReviewException("REJECTED_SHARE", file.file(), file.rejected() + " of " + file.read()
                        + " rows rejected (" + percentOf(file.rejected(), file.read()) + " %), more than " + plain(share)
                        + " %", null));
            }
        }
        if (thresholds.rejectedRowsAbove() != null && period.rejectedRows() > thresholds.rejectedRowsAbove()) {
            found.add(new ReviewException("REJECTED_ROWS", "input", period.rejectedRows()
                    + " rejected input rows, more than " + thresholds.rejectedRowsAbove(), null));
        }
        return found;
    }

    private static ReviewException withoutRoster(RepWithoutRoster rep) {
        int n = rep.bookingLines().size();
        return new ReviewException("REP_NOT_ON_ROSTER", rep.repId(), n + (n == 1 ? " booking" : " bookings")
                + " (bookings.csv line" + (n == 1 ? " " : "s ") + rep.bookingLines().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ") rejected: the rep has no accepted row in reps.csv (see the "
                + "rejects of reps.csv, or add the row), so " + (n == 1 ? "it is" : "they are") + " not paid", null);
    }

    private void checkRep(RepPeriod rep, List<ReviewException> found) {
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
        if (percent != null && rep.priorPayout() != null && rep.priorPayout().signum() != 0
                && aboveFloor(rep.payout().subtract(rep.priorPayout()), rep.monthlyTarget())) {
            BigDecimal change = changePercent(rep.payout(), rep.priorPayout());
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

    private void checkTotal(PayoutTotal total, List<ReviewException> found) {
        BigDecimal percent = thresholds.totalChangeAgainstPriorPercent();
        if (percent == null || total.priorTotal() == null || total.priorTotal().signum() == 0
                || !aboveFloor(total.total().subtract(total.priorTotal()), null)) {
            return;
        }
        BigDecimal change = changePercent(total.total(), total.priorTotal());
        if (change.compareTo(percent) > 0) {
            found.add(new ReviewException("TOTAL_CHANGE_AGAINST_PRIOR", total.currency(), "the period's payout total "
                    + plain(total.total()) + " against " + plain(total.priorTotal()) + " " + total.currency()
                    + " the period before: " + change.toPlainString() + " % change, above " + plain(percent) + " %",
                    total.total()));
        }
    }

    /** Whether a change is large enough for a percentage to mean something: above the floor and the monthly TI. */
    private boolean aboveFloor(BigDecimal change, BigDecimal monthlyTarget) {
        BigDecimal floor = thresholds.changeAtLeast() == null ? BigDecimal.ZERO : thresholds.changeAtLeast();
        if (monthlyTarget != null && monthlyTarget.compareTo(floor) > 0) {
            floor = monthlyTarget;
        }
        return change.abs().compareTo(floor) > 0;
    }

    private static BigDecimal changePercent(BigDecimal now, BigDecimal before) {
        return now.subtract(before).abs().multiply(HUNDRED).divide(before.abs(), 1, RoundingMode.HALF_EVEN);
    }

    private static String percentOf(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
