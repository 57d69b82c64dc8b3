package io.compclose.statement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanTerms;

/**
 * A booking of the rep that the period's pay does not move: cancelled with nothing recovered, or held
 * (booked but not credited).
 *
 * @param cancelledOn the cancellation's date, or null for a booking held
 * @param reason      the cancellation's reason, or why no crediting rule credited the booking
 */
public record StatementNotPaid(String bookingId, LocalDate bookedOn, LocalDate cancelledOn, String reason) {

    /** In words, with what the rep's plan does about it: "B-1234 cancelled 2026-11-04; this plan recovers nothing". */
    public String describe(Plan plan) {
        String why = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        if (cancelledOn == null) {
            return bookingId + " booked " + bookedOn + " is held: not credited" + why + ", so not paid";
        }
        String cancelled = bookingId + " cancelled " + cancelledOn + why;
        if (plan == null || plan.clawback() == null) {
            return cancelled + "; this plan recovers nothing";
        }
        long days = ChronoUnit.DAYS.between(bookedOn, cancelledOn);
        List<PlanTerms.Clawback.Step> schedule = plan.clawback().schedule();
        if (days <= plan.clawback().windowDays() && !schedule.isEmpty()
                && !schedule.get(schedule.size() - 1).covers(bookedOn, cancelledOn)) {
            return cancelled + ": after this plan's clawback schedule, which ends "
                    + schedule.get(schedule.size() - 1).withinMonths() + " months after booking, nothing is recovered";
        }
        return days > plan.clawback().windowDays()
                ? cancelled + ", " + days + " days after booking: after this plan's " + plan.clawback().windowDays()
                        + "-day clawback window, nothing is recovered"
                : cancelled + "; no commission was paid on it, so nothing is recovered";
    }
}
