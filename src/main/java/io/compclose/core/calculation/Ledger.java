package io.compclose.core.calculation;

import java.math.BigDecimal;

/**
 * A rep's running balances in the plan year, carried from one period's settlement to the next.
 *
 * @param paidToDate            commission paid so far (including released holdback)
 * @param periodCapsToDate      commission removed by period caps so far (never paid later)
 * @param heldBack              commission earned but held back, not yet released
 * @param drawBalance           recoverable draw advanced and not yet recovered
 * @param clawbackBalance       clawed-back commission not yet recovered
 */
public record Ledger(BigDecimal paidToDate, BigDecimal periodCapsToDate, BigDecimal heldBack, BigDecimal drawBalance,
        BigDecimal clawbackBalance) {

    public static Ledger start() {
        return new Ledger(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
