package io.compclose.core.inquiry;

import java.time.YearMonth;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Where a correction of a period is paid: the first later period whose close has not completed. A closed or
 * locked period is not open: its figures have gone to payroll.
 */
public final class NextOpenPeriod {

    private NextOpenPeriod() {
    }

    /** @param closed whether a period's close has completed (closed or locked) */
    public static YearMonth after(YearMonth period, Predicate<YearMonth> closed) {
        return after(period, m -> m.plusMonths(1), closed);
    }

    /** @param next the period after a period, by the pay calendar */
    public static <P> P after(P period, UnaryOperator<P> next, Predicate<P> closed) {
        P later = next.apply(period);
        while (closed.test(later)) {
            later = next.apply(later);
        }
        return later;
    }
}
