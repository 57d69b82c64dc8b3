package io.compclose.intake;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.compclose.core.plan.PlanCatalog;

/**
 * Validates reps.csv rows one by one against the rows accepted before them (including those
 * committed before a restart): a re-delivered identical row is harmless, a conflicting or
 * overlapping assignment is rejected, and an employee id belongs to one rep only.
 */
public final class RosterValidator {

    /** What the contract says of a rep id, as {@link #check} enforces it. */
    static final String REP_ID_RULE = "usable as a file name (no '/', '\\', control characters, and no leading '.', "
            + "'-', '=', '+' or '@')";

    /** What a rep id may not begin with: a hidden file, an option, a formula. */
    private static final String LEADING_REFUSED = ".-=+@";

    private final PlanCatalog plans;
    private final Roster accepted;
    private final Map<String, String> repByEmployeeId = new HashMap<>();

    public RosterValidator(PlanCatalog plans, Roster accepted) {
        this.plans = plans;
        this.accepted = accepted;
        accepted.all().forEach(a -> repByEmployeeId.putIfAbsent(a.employeeId(), a.repId()));
    }

    public IntakeItem<RepAssignment> validate(CsvRow row) {
        return IntakeItem.checked(row, () -> {
            RepAssignment candidate = parse(row);
            Optional<RepAssignment> sameKey = accepted.assignments(candidate.repId()).stream()
                    .filter(a -> a.effectiveFrom().equals(candidate.effectiveFrom())).findFirst();
            if (sameKey.isPresent() && sameKey.get().sameContentAs(candidate)) {
                return IntakeItem.reject(Reject.duplicate(row, "rep_id", sameKey.get().line()));
            }
            check(candidate, sameKey);
            accepted.add(candidate);
            repByEmployeeId.putIfAbsent(candidate.employeeId(), candidate.repId());
            return IntakeItem.accept(candidate);
        });
    }

    private static RepAssignment parse(CsvRow row) {
        return new RepAssignment(
                row.text("rep_id"),
                row.text("employee_id"),
                row.text("name"),
                row.email("email"),
                row.choice("role", Role.class),
                row.optionalText("manager_id"),
                row.optionalText("team"),
                row.text("plan_id"),
                row.currency("pay_currency"),
                row.date("effective_from"),
                row.optionalDate("effective_to"),
                row.line());
    }

    private void check(RepAssignment candidate, Optional<RepAssignment> sameKey) {
        String repId = candidate.repId();
        // a rep id names the rep's statement and email files: it must never reach outside their folder, nor
        // begin like a command-line option ('-X05.pdf' given to rm, lpr or gpg) or a spreadsheet formula
        if (LEADING_REFUSED.indexOf(repId.charAt(0)) >= 0
                || repId.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)) {
            throw new RowRejectedException("rep_id", "not " + REP_ID_RULE, repId);
        }
        if (candidate.effectiveTo() != null && candidate.effectiveTo().isBefore(candidate.effectiveFrom())) {
            throw new RowRejectedException("effective_to", "is before effective_from",
                    candidate.effectiveTo().toString());
        }
        if (!plans.knows(candidate.planId())) {
            throw new RowRejectedException("plan_id", "unknown plan (no file in plans/ defines it)", candidate.planId());
        }
        plans.versionInOtherCurrency(candidate.planId(), candidate.payCurrency(), candidate.effectiveFrom(),
                candidate.effectiveTo()).ifPresent(plan -> {
                    throw new RowRejectedException("pay_currency", "differs from the currency of plan " + plan.id()
                            + " v" + plan.version() + " (" + plan.currency() + "), whose quotas and amounts would be "
                            + "paid as " + candidate.payCurrency() + " unconverted: assign a plan written in "
                            + candidate.payCurrency() + ", or pay in " + plan.currency(), candidate.payCurrency());
                });
        String owner = repByEmployeeId.get(candidate.employeeId());
        if (owner != null && !owner.equals(candidate.repId())) {
            throw new RowRejectedException("employee_id", "already belongs to rep " + owner, candidate.employeeId());
        }
        if (sameKey.isPresent()) {
            throw new RowRejectedException("rep_id", "conflicts with the assignment on line " + sameKey.get().line()
                    + " (same rep and effective_from, different content)", candidate.repId());
        }
        for (RepAssignment existing : accepted.assignments(candidate.repId())) {
            if (existing.overlaps(candidate.effectiveFrom(), candidate.effectiveTo())) {
                throw new RowRejectedException("effective_from",
                        "overlaps the assignment of the same rep on line " + existing.line(),
                        candidate.effectiveFrom().toString());
            }
        }
        ManagerCycle.closedBy(candidate, accepted).ifPresent(cycle -> {
            throw new RowRejectedException("manager_id", cycle + ": a rep cannot manage themselves, directly or "
                    + "through others (their manager would be paid on their own roll-up)", candidate.managerId());
        });
    }
}
