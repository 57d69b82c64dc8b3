package io.compclose.core.plan;

import java.math.BigDecimal;

/**
 * Changes credit (and so attainment), never the rate: {@code factor} × credit when {@code when}
 * holds, or {@code extra} × credit more for a bundle that includes the focus product.
 */
public record CreditMultiplier(String when, String bundleIncludes, BigDecimal factor, BigDecimal extra) {
}
