package io.compclose.statement;

import java.math.BigDecimal;

/**
 * Where a component stands in the window that holds the period: credit to date against its quota
 * (both null-safe: a component without a quota shows no attainment), and what it has earned.
 */
public record StatementAttainment(String component, String metric, boolean money, String window, BigDecimal credit,
        BigDecimal quota, BigDecimal attainment, BigDecimal earned) {
}
