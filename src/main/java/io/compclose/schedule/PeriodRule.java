package io.compclose.schedule;

import java.time.YearMonth;
import java.time.ZonedDateTime;

/** Which pay period a scheduled run works on, from the moment it runs in the entry's time zone. */
public enum PeriodRule {

    /** The month that has just ended: the close on the first days of the next month. */
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

    public YearMonth periodAt(ZonedDateTime now) {
        YearMonth month = YearMonth.from(now);
        return this == PREVIOUS_MONTH ? month.minusMonths(1) : month;
    }
}
