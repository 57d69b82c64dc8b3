package io.compclose.intake;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Roster;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A manager chain that comes back to where it started: R1 managed by M1, M1 by R1. The roster is
 * effective-dated, so a chain only exists on the days all its assignments are in effect: M1 managed by
 * M2 until June and M2 managed by M1 from July is a reorganisation, not a cycle.
 */
final class ManagerCycle {

    /** Longer chains than this are not an org chart: the walk stops rather than run away. */
    private static final int MAX_DEPTH = 64;

    private ManagerCycle() {
    }

    /**
     * The cycle {@code candidate} would close among the accepted rows, as "manager cycle M001 -> M002 ->
     * M001 from 2026-01-01", or empty. The accepted rows hold no cycle (each row that would close one is
     * rejected), so a cycle through the candidate is the only one to look for.
     */
    static Optional<String> closedBy(RepAssignment candidate, Roster accepted) {
        String rep = candidate.repId();
        String manager = candidate.managerId();
        if (manager == null) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>(List.of(rep));
        return walk(rep, manager, candidate.effectiveFrom(), candidate.effectiveTo(), path, accepted)
                .map(from -> "manager cycle " + String.join(" -> ", path) + " from " + from);
    }

    /**
     * Follows {@code manager}'s assignments in effect between {@code from} and {@code to} (null: open),
     * depth first; returns the first day of the cycle back to {@code start}, with {@code path} holding it.
     */
    private static Optional<LocalDate> walk(String start, String manager, LocalDate from, LocalDate to,
            List<String> path, Roster accepted) {
        path.add(manager);
        if (manager.equals(start)) {
            return Optional.of(from);
        }
        if (path.size() <= MAX_DEPTH && path.indexOf(manager) == path.size() - 1) {
            for (RepAssignment above : accepted.assignments(manager)) {
                if (above.managerId() == null || !above.overlaps(from, to)) {
                    continue;
                }
                LocalDate overlapFrom = above.effectiveFrom().isAfter(from) ? above.effectiveFrom() : from;
                LocalDate overlapTo = to == null ? above.effectiveTo()
                        : above.effectiveTo() == null || to.isBefore(above.effectiveTo()) ? to : above.effectiveTo();
                Optional<LocalDate> found = walk(start, above.managerId(), overlapFrom, overlapTo, path, accepted);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return Optional.empty();
    }
}
