package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;

/** The commission rate that pays the target incentive at 100 % of quota: rate = TI / quota. */
public final class TargetRate {

    private TargetRate() {
    }

    public static BigDecimal of(BigDecimal targetIncentive, BigDecimal quota) {
        return targetIncentive.divide(quota, MathContext.DECIMAL64).stripTrailingZeros();
    }
}
