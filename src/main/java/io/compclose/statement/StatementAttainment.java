package io.compclose.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a component stands in the window that holds the period: credit to date against its quota
 * (both null-safe: a component without a quota shows no attainment), and what it has earned.
 */
public record StatementAttainment(String component, String metric, boolean money, String window, BigDecimal credit,
        BigDecimal quota, BigDecimal attainment, BigDecimal earned) {

    /**
     * One row per component, metric and window, whichever plan versions priced it: each version measures
     * only the deals it priced, so their credit and earnings add up, and the sum stands against the quota
     * of the latest version that has one (a rep whose plan changed mid-year has one year's quota, not two).
     *
     * @param rows oldest version first
     */
    static List<StatementAttainment> acrossVersions(List<StatementAttainment> rows) {
        Map<String, List<StatementAttainment>> byComponent = new LinkedHashMap<>();
        for (StatementAttainment row : rows) {
            byComponent.computeIfAbsent(row.component + "\n" + row.metric + "\n" + row.window,
                    key -> new ArrayList<>()).add(row);
        }
        return byComponent.values().stream().map(StatementAttainment::merged).toList();
    }

    private static StatementAttainment merged(List<StatementAttainment> versions) {
        if (versions.size() == 1) {
            return versions.get(0);
        }
        StatementAttainment first = versions.get(0);
        BigDecimal credit = sum(versions.stream().map(StatementAttainment::credit).toList());
        BigDecimal earned = sum(versions.stream().map(StatementAttainment::earned).toList());
        BigDecimal quota = versions.stream().map(StatementAttainment::quota).filter(q -> q != null)
                .reduce((older, newer) -> newer).orElse(null);
        BigDecimal attainment = quota == null || quota.signum() == 0 ? null
                : credit.divide(quota, 8, RoundingMode.HALF_EVEN);
        return new StatementAttainment(first.component, first.metric, first.money, first.window, credit, quota,
                attainment, earned);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
