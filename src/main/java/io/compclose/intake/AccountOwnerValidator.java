package io.compclose.intake;

import io.compclose.core.input.AccountOwner;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates account_owners.csv rows: a known rep and a sensible date range, and at most one owner
 * per account and role on any day, since two would both be paid on the same usage. Different
 * roles on one account (a CSM and a RENEWAL rep) are expected.
 */
public final class AccountOwnerValidator {

    private final Roster roster;
    private final Map<String, AccountOwner> acceptedByKey;
    private final AcceptedRows<AccountOwner> accepted;
    private final Map<String, List<AccountOwner>> acceptedByAccountRole = new HashMap<>();

    /** @param acceptedByKey owners accepted so far by {@link AccountOwner#key()}; grows as rows pass */
    public AccountOwnerValidator(Roster roster, Map<String, AccountOwner> acceptedByKey) {
        this.roster = roster;
        this.acceptedByKey = acceptedByKey;
        this.accepted = AcceptedRows.inMemory(acceptedByKey);
        acceptedByKey.values().forEach(this::index);
    }

    public IntakeItem<AccountOwner> validate(CsvRow row) {
        return IntakeItem.keyed(row, "account_id", accepted, r -> new AccountOwner(r.text("account_id"),
                r.text("rep_id"), r.choice("role", Role.class), r.date("effective_from"),
                r.optionalDate("effective_to"), r.line()), owner -> {
                    check(owner);
                    index(owner);
                });
    }

    private void check(AccountOwner owner) {
        LocalDate from = owner.effectiveFrom();
        LocalDate to = owner.effectiveTo();
        if (to != null && to.isBefore(from)) {
            throw new RowRejectedException("effective_to", "before effective_from " + from, to.toString());
        }
        if (!roster.knows(owner.repId())) {
            throw new RowRejectedException("rep_id", "unknown rep (no accepted row in reps.csv)", owner.repId());
        }
        AccountOwner other = acceptedByAccountRole.getOrDefault(accountRole(owner), List.of()).stream()
                .filter(owner::overlaps)
                .min(Comparator.comparingLong(AccountOwner::line))
                .orElse(null);
        if (other != null) {
            throw new RowRejectedException("effective_from", "overlaps line " + other.line() + ": account "
                    + other.accountId() + " already has a " + other.role() + " (" + other.repId() + ") from "
                    + other.effectiveFrom() + " to " + (other.effectiveTo() == null ? "open" : other.effectiveTo()),
                    from.toString());
        }
    }

    private void index(AccountOwner owner) {
        acceptedByAccountRole.computeIfAbsent(accountRole(owner), k -> new ArrayList<>()).add(owner);
    }

    private static String accountRole(AccountOwner owner) {
        return owner.accountId() + "|" + owner.role();
    }
}
