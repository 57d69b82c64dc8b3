package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanTerms.Proration.By;

/**
 * How much of a span (a plan year, a quarter, a month) a prorated plan version is in force: its days in force
 * of the span's days, or its whole calendar months in force of the span's months. A version is in force on a
 * day it is effective and no higher version of the same plan is (the highest applies, as in the catalog), so
 * the versions of a year share it without overlap.
 */
public record InForce(By by, long inForce, long of) {

    private static final MathContext FRACTION = MathContext.DECIMAL64;

    /**
     * @param versions the plan's other versions that may take some of its days (any plan id; others are ignored)
     */
    public static InForce of(Plan plan, List<Plan> versions, LocalDate from, LocalDate to) {
        By by = plan.proration().by();
        if (by == By.DAYS) {
            long days = from.datesUntil(to.plusDays(1)).filter(day -> applies(plan, versions, day)).count();
            return new InForce(by, days, from.datesUntil(to.plusDays(1)).count());
        }
        long months = 0;
        long total = 0;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            total++;
            if (m.atDay(1).datesUntil(m.atEndOfMonth().plusDays(1)).allMatch(day -> applies(plan, versions, day))) {
                months++;
            }
        }
        return new InForce(by, months, total);
    }

    /** The plan year that holds {@code period}: from its first month's first day to its last month's last. */
    public static InForce ofYear(Plan plan, List<Plan> versions, YearMonth period, FiscalYear fiscal) {
        return of(plan, versions, fiscal.start(period).atDay(1), fiscal.end(period).atEndOfMonth());
    }

    private static boolean applies(Plan plan, List<Plan> versions, LocalDate day) {
        return plan.isEffectiveOn(day) && versions.stream().noneMatch(other -> other.id().equals(plan.id())
                && other.version() > plan.version() && other.isEffectiveOn(day));
    }

    /** The part of {@code figure} for the time in force, exact: divided last, like {@link RepCalculator#ofYear}. */
    public BigDecimal share(BigDecimal figure) {
        return figure.multiply(BigDecimal.valueOf(inForce)).divide(BigDecimal.valueOf(of), FRACTION)
                .stripTrailingZeros();
    }

    public boolean isWhole() {
        return inForce == of;
    }

    /** "184/365 days", "9/12 months". */
    public String fraction() {
        return inForce + "/" + of + " " + by.name().toLowerCase(Locale.ROOT);
    }
}
