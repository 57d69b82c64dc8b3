package io.compclose.core.calculation;

import java.util.Currency;

import io.compclose.core.money.Money;

/**
 * A rep's running balances in the plan year, carried from one period's settlement to the next.
 *
 * @param paidToDate            commission paid so far (including released holdback), ACCELERATOR included
 * @param periodCapsToDate      commission removed by period caps so far (never paid later)
 * @param heldBack              commission earned but held back, not yet released
 * @param drawBalance           recoverable draw advanced and not yet recovered
 * @param clawbackBalance       clawed-back commission not yet recovered
 * @param acceleratorPaidToDate the part of {@code paidToDate} paid as ACCELERATOR (the close sums the
 *                              earlier periods' ACCELERATOR pay lines rather than storing it)
 */
public record Ledger(Money paidToDate, Money periodCapsToDate, Money heldBack, Money drawBalance,
        Money clawbackBalance, Money acceleratorPaidToDate) {

    /** Balances with nothing paid as ACCELERATOR yet. */
    public Ledger(Money paidToDate, Money periodCapsToDate, Money heldBack, Money drawBalance, Money clawbackBalance) {
        this(paidToDate, periodCapsToDate, heldBack, drawBalance, clawbackBalance, Money.zero(paidToDate.currency()));
    }

    public static Ledger start(Currency currency) {
        Money zero = Money.zero(currency);
        return new Ledger(zero, zero, zero, zero, zero, zero);
    }

    /** The same balances with {@code paid} paid as ACCELERATOR to date. */
    Ledger withAcceleratorPaid(Money paid) {
        return new Ledger(paidToDate, periodCapsToDate, heldBack, drawBalance, clawbackBalance, paid);
    }
}
