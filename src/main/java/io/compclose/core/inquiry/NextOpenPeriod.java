package io.compclose.core.inquiry;

import java.time.YearMonth;
import java.util.function.Predicate;

/**
 * Where a correction of a period is paid: the first later period whose close has not completed. A closed or
 * locked period is not open: its figures have gone to payroll.
 */
public final class NextOpenPeriod {

    private NextOpenPeriod() {
    }

    /** @param closed whether a period's close has completed (closed or locked) */
    public static YearMonth after(YearMonth period, Predicate<YearMonth> closed) {
        YearMonth next = period.plusMonths(1);
        while (closed.test(next)) {
            next = next.plusMonths(1);
        }
        return next;
    }
}
