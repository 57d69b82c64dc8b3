package io.compclose.core.input;

import java.time.LocalDate;

/**
 * One row of account_owners.csv: the rep who owns an account's usage and retention in one role,
 * for a date range.
 *
 * @param effectiveTo the last day owned, inclusive; null while the ownership is open
 */
public record AccountOwner(String accountId, String repId, Role role, LocalDate effectiveFrom,
        LocalDate effectiveTo, long line) implements KeyedRow<AccountOwner> {

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** The two date ranges share at least one day; an open end runs on for ever. */
    public boolean overlaps(AccountOwner other) {
        boolean startsBeforeOtherEnds = other.effectiveTo == null || !effectiveFrom.isAfter(other.effectiveTo);
        boolean endsAfterOtherStarts = effectiveTo == null || !effectiveTo.isBefore(other.effectiveFrom);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    /** Same ownership re-delivered: everything but the line it came on is equal. */
    @Override
    public boolean sameContentAs(AccountOwner other) {
        return withLine(0).equals(other.withLine(0));
    }

    /** An ownership is identified by who holds which role on which account from when. */
    @Override
    public String key() {
        return accountId + "|" + repId + "|" + role + "|" + effectiveFrom;
    }

    private AccountOwner withLine(long newLine) {
        return new AccountOwner(accountId, repId, role, effectiveFrom, effectiveTo, newLine);
    }
}
