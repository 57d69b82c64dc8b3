package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;

import io.compclose.core.money.Money;

/**
 * One explained figure of a component: what it is for ({@code sourceId}, or the re-priced credit),
 * the credit it prices, the band and rate, and the amount rounded half-even to the pay currency's minor
 * unit (jobs/plans.md, "Rounding"). {@code accelerator} is the part of the amount earned above quota
 * beyond the rate of the band at quota, rounded the same way (jobs/plans.md, "Accelerator"): payroll
 * gets it as ACCELERATOR.
 */
public record ComponentLine(Kind kind, String sourceId, YearMonth period, BigDecimal credit, BigDecimal multiplier,
        String band, BigDecimal rate, Money amount, String why, Money accelerator) {

    /** A line with nothing earned above quota. */
    public ComponentLine(Kind kind, String sourceId, YearMonth period, BigDecimal credit, BigDecimal multiplier,
            String band, BigDecimal rate, Money amount, String why) {
        this(kind, sourceId, period, credit, multiplier, band, rate, amount, why, Money.zero(amount.currency()));
    }

    public enum Kind {
        /** Commission on one transaction's credit at the band(s) it fell in. */
        TRANSACTION,
        /** Earlier credit re-priced because a retroactive band was crossed. */
        REPRICING,
        /** Target incentive paid by attainment through a payout curve. */
        ATTAINMENT
    }

    /** A rate or share as every line writes it: 0.075 is "7.5 %". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    private static final String PER_UNIT = " per unit";

    /** An amount paid per unit as every line writes it: 75 is "75 per unit". */
    static String perUnit(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString() + PER_UNIT;
    }

    /**
     * Whether a line's band says it was paid per unit ("0–20 at 50 per unit"), so that its rate is an amount per
     * unit, not a fraction of credit: the statement and the console write it as such.
     */
    public static boolean paidPerUnit(String band) {
        return band != null && band.endsWith(PER_UNIT);
    }
}
