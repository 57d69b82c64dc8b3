package io.compclose.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/**
 * Plan years that start in another month than January, named by the calendar year they end in, as
 * Salesforce's FY2027 (February 2026 to January 2027) and Microsoft's FY2027 (July 2026 to June 2027) are.
 */
class FiscalYearTests {

    private static final FiscalYear FEBRUARY = new FiscalYear(Month.FEBRUARY);
    private static final FiscalYear JULY = new FiscalYear(Month.JULY);

    @Test
    void aFebruaryYearRunsFromFebruaryToTheNextJanuaryAndIsNamedByTheYearItEndsIn() {
        assertThat(FEBRUARY.start(YearMonth.of(2026, 1))).isEqualTo(YearMonth.of(2025, 2));
        assertThat(FEBRUARY.start(YearMonth.of(2026, 2))).isEqualTo(YearMonth.of(2026, 2));
        assertThat(FEBRUARY.end(YearMonth.of(2026, 11))).isEqualTo(YearMonth.of(2027, 1));
        assertThat(FEBRUARY.name(YearMonth.of(2026, 1))).isEqualTo("FY2026");
        assertThat(FEBRUARY.name(YearMonth.of(2026, 2))).isEqualTo("FY2027");
        assertThat(FEBRUARY.monthOfYear(YearMonth.of(2026, 2))).isEqualTo(1);
        assertThat(FEBRUARY.monthOfYear(YearMonth.of(2027, 1))).isEqualTo(12);
        assertThat(FEBRUARY.endsYear(YearMonth.of(2027, 1))).isTrue();
        assertThat(FEBRUARY.endsYear(YearMonth.of(2026, 12))).isFalse();
        assertThat(FEBRUARY.contains(YearMonth.of(2026, 2), LocalDate.of(2026, 1, 31))).isFalse();
        assertThat(FEBRUARY.contains(YearMonth.of(2026, 12), LocalDate.of(2027, 1, 31))).isTrue();
    }

    @Test
    void quartersCountFromTheFirstMonthOfThePlanYear() {
        // July year: Q1 July-September, Q2 October-December, Q3 January-March, Q4 April-June
        assertThat(JULY.quarterKey(YearMonth.of(2026, 7))).isEqualTo("FY2027-Q1");
        assertThat(JULY.quarterKey(YearMonth.of(2026, 12))).isEqualTo("FY2027-Q2");
        assertThat(JULY.quarterKey(YearMonth.of(2027, 2))).isEqualTo("FY2027-Q3");
        assertThat(JULY.quarterKey(YearMonth.of(2027, 6))).isEqualTo("FY2027-Q4");
        assertThat(JULY.endsQuarter(YearMonth.of(2026, 9))).isTrue();
        assertThat(JULY.endsQuarter(YearMonth.of(2026, 12))).isTrue();
        assertThat(JULY.endsQuarter(YearMonth.of(2026, 10))).isFalse();
        assertThat(JULY.quarterOf("FY2027-Q3")).contains(YearMonth.of(2027, 1));
        assertThat(FEBRUARY.quarterOf("FY2027-Q1")).contains(YearMonth.of(2026, 2));
        assertThat(FEBRUARY.quarterOf("FY2027-Q4")).contains(YearMonth.of(2026, 11));
    }

    @Test
    void theCalendarYearKeepsTheNamesPlansAndKpisAlwaysUsed() {
        FiscalYear calendar = FiscalYear.CALENDAR;
        assertThat(calendar.name(YearMonth.of(2026, 10))).isEqualTo("2026");
        assertThat(calendar.quarterKey(YearMonth.of(2026, 10))).isEqualTo("2026-Q4");
        assertThat(calendar.quarterOf("2026-Q2")).contains(YearMonth.of(2026, 4));
        assertThat(calendar.start(YearMonth.of(2026, 10))).isEqualTo(YearMonth.of(2026, 1));
        assertThat(calendar.end(YearMonth.of(2026, 10))).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void aKeyInTheOtherNamingIsNoneOfThisYearsWindows() {
        assertThat(FiscalYear.CALENDAR.quarterOf("FY2026-Q1")).isEmpty();
        assertThat(FEBRUARY.quarterOf("2026-Q1")).isEmpty();
        assertThat(FEBRUARY.quarterOf("2026-10")).isEmpty();
        assertThat(FiscalYear.CALENDAR.names("2026-Q1")).isTrue();
        assertThat(FiscalYear.CALENDAR.names("2026")).isTrue();
        assertThat(FiscalYear.CALENDAR.names("FY2026")).isFalse();
        assertThat(FEBRUARY.names("FY2027-Q2")).isTrue();
        assertThat(FEBRUARY.names("FY2027")).isTrue();
        assertThat(FEBRUARY.names("2026-03")).isTrue();
        assertThat(FEBRUARY.names("2026-Q1")).isFalse();
        assertThat(FEBRUARY.names("2026")).isFalse();
    }
}
