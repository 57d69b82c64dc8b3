package io.compclose.statement;

import java.math.BigDecimal;

/**
 * The rep's year to date after this period, from the ledger: earned to date, commission paid in
 * earlier periods, this payout, the balance carried (a negative amount still to be recovered), and
 * what is held back or still to recover of a draw or a clawback.
 */
public record YearToDate(BigDecimal earnedToDate, BigDecimal paidBefore, BigDecimal payout,
        BigDecimal balanceCarried, BigDecimal heldBack, BigDecimal drawBalance, BigDecimal clawbackBalance) {

    public static final YearToDate NONE = new YearToDate(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
}
