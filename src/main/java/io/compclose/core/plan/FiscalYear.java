package io.compclose.core.plan;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The company's plan year: twelve months from {@code firstMonth}. Quotas, year-to-date windows, caps,
 * once-a-year bonuses and pools, holdback release and the settling of a year all follow it.
 * <p>
 * A year that starts in January is named by its calendar year ("2026", quarters "2026-Q1"), as every
 * plan and kpis.csv has always said. Any other is named by the calendar year it ends in, the usual way
 * ("FY2027" runs from February 2026 to January 2027; its quarters are "FY2027-Q1" to "FY2027-Q4").
 */
public record FiscalYear(Month firstMonth) {

    /** The default: the plan year is the calendar year. */
    public static final FiscalYear CALENDAR = new FiscalYear(Month.JANUARY);

    private static final Pattern QUARTER_KEY = Pattern.compile("(FY)?(\\d{4})-Q([1-4])");
    private static final Pattern MONTH_KEY = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR_OR_QUARTER_KEY = Pattern.compile("(FY)?\\d{4}(-Q[1-4])?");

    public FiscalYear {
        Objects.requireNonNull(firstMonth, "firstMonth");
    }

    public boolean isCalendar() {
        return firstMonth == Month.JANUARY;
    }

    /** The first month of the plan year that holds {@code month}. */
    public YearMonth start(YearMonth month) {
        return month.minusMonths(monthOfYear(month) - 1L);
    }

    /** The last month of the plan year that holds {@code month}: where it settles. */
    public YearMonth end(YearMonth month) {
        return start(month).plusMonths(11);
    }

    /** 1 for the plan year's first month, 12 for its last. */
    public int monthOfYear(YearMonth month) {
        return Math.floorMod(month.getMonthValue() - firstMonth.getValue(), 12) + 1;
    }

    /** Whether {@code day} falls in the plan year of {@code period}. */
    public boolean contains(YearMonth period, LocalDate day) {
        return sameYear(period, YearMonth.from(day));
    }

    public boolean sameYear(YearMonth a, YearMonth b) {
        return start(a).equals(start(b));
    }

    /** "2026" for a calendar year, "FY2027" for a plan year that ends in 2027. */
    public String name(YearMonth month) {
        return isCalendar() ? String.valueOf(month.getYear()) : "FY" + end(month).getYear();
    }

    /** 1 to 4, counted from the plan year's first month. */
    public int quarter(YearMonth month) {
        return (monthOfYear(month) + 2) / 3;
    }

    /** The key quotas and kpis.csv give a quarter: "2026-Q3", or "FY2027-Q1". */
    public String quarterKey(YearMonth month) {
        return name(month) + "-Q" + quarter(month);
    }

    /** The first month of quarter {@code q} (1 to 4) of the plan year that holds {@code month}. */
    public YearMonth quarterStart(YearMonth month, int q) {
        return start(month).plusMonths((q - 1) * 3L);
    }

    public boolean endsQuarter(YearMonth month) {
        return monthOfYear(month) % 3 == 0;
    }

    public boolean endsYear(YearMonth month) {
        return monthOfYear(month) == 12;
    }

    /**
     * Whether a key names a window in either naming: a month 2026-03, a year 2026 or FY2027, a quarter
     * 2026-Q1 or FY2027-Q1. Which naming a close takes is {@link #names}'s to say.
     */
    public static boolean isWindowKey(String key) {
        return MONTH_KEY.matcher(key).matches() || YEAR_OR_QUARTER_KEY.matcher(key).matches();
    }

    /**
     * Whether a window key (a plan's quota_by_period, a kpis.csv period) is written in this plan year's
     * naming: a month "2026-03" always; a year or quarter as {@link #name} and {@link #quarterKey} write them.
     */
    public boolean names(String key) {
        if (MONTH_KEY.matcher(key).matches()) {
            return true;
        }
        return YEAR_OR_QUARTER_KEY.matcher(key).matches() && key.startsWith("FY") != isCalendar();
    }

    /**
     * The first month of a quarter key of this plan year's naming ("2026-Q2" for a calendar year,
     * "FY2027-Q2" otherwise); empty for a key of the other naming or no quarter at all.
     */
    public Optional<YearMonth> quarterOf(String key) {
        Matcher m = QUARTER_KEY.matcher(key);
        if (!m.matches() || (m.group(1) != null) == isCalendar()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(2));
        YearMonth first = isCalendar() ? YearMonth.of(year, 1) : YearMonth.of(year, firstMonth).minusYears(1);
        return Optional.of(first.plusMonths((Integer.parseInt(m.group(3)) - 1) * 3L));
    }
}
