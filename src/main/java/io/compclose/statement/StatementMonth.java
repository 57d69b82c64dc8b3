package io.compclose.statement;

import java.math.BigDecimal;
import java.util.List;

/**
 * One month of the rep's plan year so far: what it paid, and where the rep's lead component stood at
 * its close (the first with a quota, else the first), for the statement's history.
 *
 * @param attainment null when the month measured no component
 */
public record StatementMonth(String period, BigDecimal payout, StatementAttainment attainment) {

    /** The component a month's bar shows, of that month's rows (plan versions merged). */
    static StatementAttainment lead(List<StatementAttainment> rows) {
        List<StatementAttainment> merged = StatementAttainment.acrossVersions(rows);
        return merged.stream().filter(a -> a.quota() != null).findFirst()
                .orElse(merged.isEmpty() ? null : merged.get(0));
    }
}
