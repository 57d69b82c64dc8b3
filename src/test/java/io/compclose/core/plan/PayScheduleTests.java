package io.compclose.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import io.compclose.core.plan.PaySchedule.Frequency;

/** Monthly, semi-monthly and bi-weekly payroll runs: their periods, their names and their plan years. */
class PayScheduleTests {

    private static final PaySchedule SEMI_MONTHLY = new PaySchedule(Frequency.SEMI_MONTHLY, null);
    /** Runs of fourteen days from Monday 5 January 2026. */
    private static final PaySchedule BI_WEEKLY = new PaySchedule(Frequency.BI_WEEKLY, LocalDate.of(2026, 1, 5));

    private static PayPeriod period(String id, String start, String end) {
        LocalDate last = LocalDate.parse(end);
        return new PayPeriod(id, LocalDate.parse(start), last, last.equals(YearMonth.from(last).atEndOfMonth()));
    }

    private static PayPeriod period(String id, String start, String end, boolean closesMonth) {
        return new PayPeriod(id, LocalDate.parse(start), LocalDate.parse(end), closesMonth);
    }

    @Test
    void aMonthlyPeriodIsTheCalendarMonthNamedAsAlways() {
        assertThat(PaySchedule.MONTHLY.containing(LocalDate.of(2026, 2, 14)))
                .isEqualTo(period("2026-02", "2026-02-01", "2026-02-28"));
        assertThat(PaySchedule.MONTHLY.named("2026-10")).contains(period("2026-10", "2026-10-01", "2026-10-31"));
        assertThat(PaySchedule.MONTHLY.named("2026-10-15")).isEmpty();
        assertThat(PaySchedule.MONTHLY.ofYear(FiscalYear.CALENDAR, YearMonth.of(2026, 5))).hasSize(12);
    }

    @Test
    void semiMonthlyRunsEndOnThe15thAndOnTheMonthsLastDay() {
        assertThat(SEMI_MONTHLY.containing(LocalDate.of(2026, 2, 15)))
                .isEqualTo(period("2026-02-15", "2026-02-01", "2026-02-15"));
        assertThat(SEMI_MONTHLY.containing(LocalDate.of(2028, 2, 16)))
                .isEqualTo(period("2028-02-29", "2028-02-16", "2028-02-29"));
        assertThat(SEMI_MONTHLY.next(period("2026-12-31", "2026-12-16", "2026-12-31")))
                .isEqualTo(period("2027-01-15", "2027-01-01", "2027-01-15"));
        assertThat(SEMI_MONTHLY.named("2026-10-31")).contains(period("2026-10-31", "2026-10-16", "2026-10-31"));
        // the 20th ends no run, and a month is no semi-monthly period
        assertThat(SEMI_MONTHLY.named("2026-10-20")).isEmpty();
        assertThat(SEMI_MONTHLY.named("2026-10")).isEmpty();
        assertThat(SEMI_MONTHLY.ofYear(FiscalYear.CALENDAR, YearMonth.of(2026, 5))).hasSize(24);
    }

    @Test
    void biWeeklyRunsCountFourteenDaysFromTheAnchorBothWays() {
        // 5 January + 14 x 21 = 5 January + 294 days = 26 October; that run ends on 8 November
        assertThat(BI_WEEKLY.containing(LocalDate.of(2026, 11, 1)))
                .isEqualTo(period("2026-11-08", "2026-10-26", "2026-11-08", false));
        // before the anchor: 22 December 2025 to 4 January 2026
        assertThat(BI_WEEKLY.containing(LocalDate.of(2025, 12, 25)))
                .isEqualTo(period("2026-01-04", "2025-12-22", "2026-01-04", false));
        assertThat(BI_WEEKLY.named("2026-11-08")).isPresent();
        assertThat(BI_WEEKLY.named("2026-11-07")).isEmpty();
    }

    @Test
    void aBiWeeklyYearHoldsTheRunsThatEndInItTwentySixOrTwentySeven() {
        // the calendar year 2026: runs end on 4 January (22 December to 4 January) and every 14 days after
        // it, the last on 20 December (day 4 + 14 x 25 = day 354); the next would end on 3 January 2027
        var year = BI_WEEKLY.ofYear(FiscalYear.CALENDAR, YearMonth.of(2026, 6));
        assertThat(year).hasSize(26);
        assertThat(year.get(0).id()).isEqualTo("2026-01-04");
        assertThat(year.get(25).id()).isEqualTo("2026-12-20");
        // a February plan year (FY2027): from the run ending 1 February 2026 (19 January to 1 February) to the
        // one ending 31 January 2027, 364 days apart: 364 / 14 + 1 = 27 runs
        var fiscal = BI_WEEKLY.ofYear(new FiscalYear(Month.FEBRUARY), YearMonth.of(2026, 6));
        assertThat(fiscal).hasSize(27);
        assertThat(fiscal.get(0)).isEqualTo(period("2026-02-01", "2026-01-19", "2026-02-01", false));
        assertThat(fiscal.get(0).month()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(fiscal.get(26).id()).isEqualTo("2027-01-31");
    }

    @Test
    void onlyABiWeeklyScheduleHasAnAnchor() {
        assertThatThrownBy(() -> new PaySchedule(Frequency.BI_WEEKLY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaySchedule(Frequency.SEMI_MONTHLY, LocalDate.of(2026, 1, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastRunEndingInAMonthClosesIt() {
        // semi-monthly: the second half; bi-weekly: the run whose successor ends in the next month
        assertThat(SEMI_MONTHLY.named("2026-10-15").orElseThrow().closesMonth()).isFalse();
        assertThat(SEMI_MONTHLY.named("2026-10-31").orElseThrow().closesMonth()).isTrue();
        // runs end 11 and 25 October 2026 (26 October + 13 = 8 November): the one ending the 25th closes October
        assertThat(BI_WEEKLY.named("2026-10-11").orElseThrow().closesMonth()).isFalse();
        assertThat(BI_WEEKLY.named("2026-10-25").orElseThrow().closesMonth()).isTrue();
        assertThat(PaySchedule.MONTHLY.named("2026-10").orElseThrow().closesMonth()).isTrue();
    }

    @Test
    void aPeriodBeforeASwitchToSemiMonthlyPayIsStillNamedByItsMonth() {
        assertThat(SEMI_MONTHLY.closeNamed("2026-09")).contains(PayPeriod.of(YearMonth.of(2026, 9)));
        assertThat(SEMI_MONTHLY.closeNamed("2026-09-15")).contains(period("2026-09-15", "2026-09-01", "2026-09-15"));
        assertThat(SEMI_MONTHLY.closeNamed("2026-13")).isEmpty();
        assertThat(SEMI_MONTHLY.previous(period("2026-10-15", "2026-10-01", "2026-10-15")).id()).isEqualTo("2026-09-30");
    }

    @Test
    void aScheduleIsWrittenAndReadBackForARestart() {
        assertThat(BI_WEEKLY.toString()).isEqualTo("bi-weekly from 2026-01-05");
        assertThat(PaySchedule.parse(BI_WEEKLY.toString())).isEqualTo(BI_WEEKLY);
        assertThat(PaySchedule.parse("semi-monthly")).isEqualTo(SEMI_MONTHLY);
        assertThat(PaySchedule.parse("monthly")).isEqualTo(PaySchedule.MONTHLY);
    }

    @Test
    void aPeriodDescribesItsDays() {
        assertThat(period("2026-10-15", "2026-10-01", "2026-10-15").describe()).isEqualTo("1–15 October 2026");
        assertThat(period("2026-11-08", "2026-10-26", "2026-11-08").describe()).isEqualTo("26 October–8 November 2026");
        assertThat(PayPeriod.of(YearMonth.of(2026, 10)).describe()).isEqualTo("October 2026");
    }
}
