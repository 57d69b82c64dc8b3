package io.compclose.core.input;

import java.time.LocalDate;

import io.compclose.core.plan.PayPeriod;

/** One row of the roster: a rep's employee id, plan, manager and pay currency for a date range. */
public record RepAssignment(
        String repId,
        String employeeId,
        String name,
        String email,
        Role role,
        String managerId,
        String team,
        String planId,
        String payCurrency,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        long line) {

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** The assignment's last day within the period: the period's end, or the assignment's if earlier. */
    public LocalDate lastActiveDayIn(PayPeriod period) {
        LocalDate end = period.end();
        return effectiveTo != null && effectiveTo.isBefore(end) ? effectiveTo : end;
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !effectiveFrom.isAfter(to);
        boolean endsAfterOtherStarts = effectiveTo == null || !effectiveTo.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    /** Same assignment re-delivered: everything but the line it came on is equal. */
    public boolean sameContentAs(RepAssignment other) {
        return withLine(0).equals(other.withLine(0));
    }

    private RepAssignment withLine(long newLine) {
        return new RepAssignment(repId, employeeId, name, email, role, managerId, team, planId, payCurrency,
                effectiveFrom, effectiveTo, newLine);
    }
}
