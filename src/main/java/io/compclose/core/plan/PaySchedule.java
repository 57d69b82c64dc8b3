package io.compclose.core.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The payroll runs a company pays commission in: monthly (a period is a calendar month, named
 * {@code 2026-10}), semi-monthly (the 1st to the 15th and the 16th to the month's end) or bi-weekly
 * (fourteen days from an anchor, the first day of any one run). A period that is not a month is named by
 * its last day ({@code 2026-10-15}): the names sort in time order, after their month's name, as the
 * database's period columns compare them.
 */
public record PaySchedule(Frequency frequency, LocalDate anchor) {

    public enum Frequency {
        MONTHLY, SEMI_MONTHLY, BI_WEEKLY
    }

    public static final PaySchedule MONTHLY = new PaySchedule(Frequency.MONTHLY, null);

    private static final int FORTNIGHT = 14;

    public PaySchedule {
        Objects.requireNonNull(frequency, "frequency");
        if ((frequency == Frequency.BI_WEEKLY) != (anchor != null)) {
            throw new IllegalArgumentException("a bi-weekly schedule, and only it, needs the first day of one run");
        }
    }

    /** The period holding {@code day}. */
    public PayPeriod containing(LocalDate day) {
        return switch (frequency) {
            case MONTHLY -> month(YearMonth.from(day));
            case SEMI_MONTHLY -> day.getDayOfMonth() <= 15 ? firstHalf(YearMonth.from(day))
                    : secondHalf(YearMonth.from(day));
            case BI_WEEKLY -> {
                yield fortnight(anchor.plusDays(Math.floorDiv(ChronoUnit.DAYS.between(anchor, day), FORTNIGHT)
                        * (long) FORTNIGHT));
            }
        };
    }

    /** The period after {@code period}. */
    public PayPeriod next(PayPeriod period) {
        return containing(period.end().plusDays(1));
    }

    /** The period a name names, if it is one of this schedule's: a month's for monthly, a last day's otherwise. */
    public Optional<PayPeriod> named(String id) {
        try {
            if (id == null) {
                return Optional.empty();
            }
            PayPeriod period = frequency == Frequency.MONTHLY ? month(YearMonth.parse(id))
                    : containing(LocalDate.parse(id));
            return period.id().equals(id) ? Optional.of(period) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The periods whose last day falls in the plan year that holds {@code month}, in order. */
    public List<PayPeriod> ofYear(FiscalYear fiscal, YearMonth month) {
        return ending(fiscal.start(month).atDay(1), fiscal.end(month).atEndOfMonth());
    }

    /** The periods whose last day falls in {@code month}, in order. */
    public List<PayPeriod> endingIn(YearMonth month) {
        return ending(month.atDay(1), month.atEndOfMonth());
    }

    private List<PayPeriod> ending(LocalDate first, LocalDate last) {
        List<PayPeriod> periods = new ArrayList<>();
        for (PayPeriod period = containing(first); !period.end().isAfter(last); period = next(period)) {
            periods.add(period);
        }
        return periods;
    }

    /** The period before {@code period}. */
    public PayPeriod previous(PayPeriod period) {
        return containing(period.start().minusDays(1));
    }

    /**
     * The period a close names: one of this schedule's, or a calendar month, which is how every period
     * before a switch to semi-monthly or bi-weekly pay was named.
     */
    public Optional<PayPeriod> closeNamed(String id) {
        if (id != null && id.length() == 7) {
            try {
                return Optional.of(PayPeriod.of(YearMonth.parse(id)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return named(id);
    }

    /** "monthly", "semi-monthly" or "bi-weekly from 2026-01-05": for messages, and read back by {@link #parse}. */
    @Override
    public String toString() {
        return frequency.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (anchor == null ? "" : " from " + anchor);
    }

    /** The schedule {@link #toString} wrote. */
    public static PaySchedule parse(String text) {
        String[] parts = text.trim().split(" from ");
        return new PaySchedule(Frequency.valueOf(parts[0].toUpperCase(Locale.ROOT).replace('-', '_')),
                parts.length > 1 ? LocalDate.parse(parts[1]) : null);
    }

    private static PayPeriod month(YearMonth m) {
        return PayPeriod.of(m);
    }

    private static PayPeriod firstHalf(YearMonth m) {
        return new PayPeriod(m.atDay(15).toString(), m.atDay(1), m.atDay(15), false);
    }

    private static PayPeriod secondHalf(YearMonth m) {
        return new PayPeriod(m.atEndOfMonth().toString(), m.atDay(16), m.atEndOfMonth(), true);
    }

    private static PayPeriod fortnight(LocalDate start) {
        LocalDate end = start.plusDays(FORTNIGHT - 1L);
        return new PayPeriod(end.toString(), start, end,
                !YearMonth.from(end.plusDays(FORTNIGHT)).equals(YearMonth.from(end)));
    }
}
