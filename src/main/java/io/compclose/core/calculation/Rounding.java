package io.compclose.core.calculation;

import java.math.BigDecimal;

import io.compclose.core.money.Money;

/**
 * The calculation core's one rounding point: every figure a rep sees is rounded here, half-even to
 * the cent, and percentages are written here the same way everywhere.
 */
public final class Rounding {

    private static final int CENTS = 2;

    private Rounding() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(CENTS, Money.ROUNDING);
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
