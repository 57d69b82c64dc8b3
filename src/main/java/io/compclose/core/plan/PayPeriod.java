package io.compclose.core.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * One payroll run's period: the period a close runs for, pays in and is locked by. A calendar month is
 * named {@code 2026-10}; a semi-monthly or bi-weekly period by its last day, {@code 2026-10-15}, so that
 * names sort in time order (after their month's name) as the database's period columns compare them.
 *
 * @param closesMonth whether this is the last period ending in its month: the one that settles what is
 *                    measured by month (a month's MBO and KPI values, its draw count, a holdback's release)
 */
public record PayPeriod(String id, LocalDate start, LocalDate end, boolean closesMonth) {

    public PayPeriod {
        Objects.requireNonNull(id, "id");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period " + id + " ends before it starts");
        }
    }

    /** A calendar month as a period: what every close was before pay calendars. */
    public static PayPeriod of(YearMonth month) {
        return new PayPeriod(month.toString(), month.atDay(1), month.atEndOfMonth(), true);
    }

    /** The month a period belongs to, for monthly measures and the plan year: the month of its last day. */
    public YearMonth month() {
        return YearMonth.from(end);
    }

    /**
     * The month of a period stored by name, whatever calendar it was closed on: a name's first seven characters
     * (2026-10 of 2026-10 and of 2026-10-15), since a period is named by its month or by its last day.
     */
    public static YearMonth monthOf(String id) {
        return YearMonth.parse(id.substring(0, 7));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** Whether the period is a whole calendar month, named as one. */
    public boolean isMonth() {
        return id.equals(month().toString());
    }

    /** "October 2026", or "1–15 October 2026" for a period shorter than its month. */
    public String describe() {
        String month = end.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (isMonth()) {
            return month + " " + end.getYear();
        }
        String from = start.getDayOfMonth() + (start.getMonth() == end.getMonth() ? ""
                : " " + start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + (start.getYear() == end.getYear() ? "" : " " + start.getYear()));
        return from + "–" + end.getDayOfMonth() + " " + month + " " + end.getYear();
    }

    /** The id: periods are keys in files, folders and tables. */
    @Override
    public String toString() {
        return id;
    }
}
