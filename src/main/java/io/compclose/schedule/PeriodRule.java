package io.compclose.schedule;

import java.time.ZonedDateTime;

import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;

/** Which pay period a scheduled run works on, from the moment it runs in the entry's time zone. */
public enum PeriodRule {

    /**
     * The pay period that has just ended: the close on the first days of the next. On a monthly pay calendar
     * the month; on a semi-monthly or bi-weekly one the run before today's.
     */
    PREVIOUS_MONTH("previous-month"),
    /** The month under way: the daily usage intake reads its usage to date. */
    CURRENT_MONTH("current-month");

    private final String word;

    PeriodRule(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The period of {@code schedule} a run at {@code now} works on. */
    public PayPeriod periodAt(ZonedDateTime now, PaySchedule schedule) {
        PayPeriod today = schedule.containing(now.toLocalDate());
        return this == PREVIOUS_MONTH ? schedule.previous(today) : today;
    }
}
