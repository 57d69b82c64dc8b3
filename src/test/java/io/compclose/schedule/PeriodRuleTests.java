package io.compclose.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule.Frequency;
import io.compclose.core.plan.PaySchedule;

/** A scheduled job's period on each pay calendar: the run that has just ended, or the one under way. */
class PeriodRuleTests {

    private static String at(PeriodRule rule, String now, PaySchedule schedule) {
        PayPeriod period = rule.periodAt(ZonedDateTime.parse(now), schedule);
        return period.id() + " " + period.start() + ".." + period.end();
    }

    @Test
    void theCloseTheDayAfterAPeriodEndsClosesIt() {
        PaySchedule semiMonthly = new PaySchedule(Frequency.SEMI_MONTHLY, null);
        assertThat(at(PeriodRule.PREVIOUS_MONTH, "2026-10-16T06:00:00Z", semiMonthly))
                .isEqualTo("2026-10-15 2026-10-01..2026-10-15");
        assertThat(at(PeriodRule.PREVIOUS_MONTH, "2026-11-01T06:00:00Z", semiMonthly))
                .isEqualTo("2026-10-31 2026-10-16..2026-10-31");
        assertThat(at(PeriodRule.CURRENT_MONTH, "2026-10-20T06:00:00Z", semiMonthly))
                .isEqualTo("2026-10-31 2026-10-16..2026-10-31");
        // fourteen-day runs from Monday 5 January 2026: 12 to 25 October, then 26 October to 8 November
        PaySchedule biWeekly = new PaySchedule(Frequency.BI_WEEKLY, LocalDate.of(2026, 1, 5));
        assertThat(at(PeriodRule.PREVIOUS_MONTH, "2026-10-26T06:00:00Z", biWeekly))
                .isEqualTo("2026-10-25 2026-10-12..2026-10-25");
        // a monthly calendar closes the month before, as it always has
        assertThat(at(PeriodRule.PREVIOUS_MONTH, "2026-11-01T06:00:00Z", PaySchedule.MONTHLY))
                .isEqualTo("2026-10 2026-10-01..2026-10-31");
    }
}
