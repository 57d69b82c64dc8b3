package io.compclose.core.input;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.compclose.core.plan.PayPeriod;

/** The accepted roster, effective-dated: who a rep is, and on which plan, on a given day. */
public final class Roster {

    private final Map<String, List<RepAssignment>> byRep = new TreeMap<>();

    public Roster(Collection<RepAssignment> assignments) {
        assignments.forEach(this::add);
    }

    public void add(RepAssignment assignment) {
        byRep.computeIfAbsent(assignment.repId(), id -> new ArrayList<>()).add(assignment);
    }

    public List<RepAssignment> all() {
        return byRep.values().stream().flatMap(List::stream).toList();
    }

    public boolean knows(String repId) {
        return byRep.containsKey(repId);
    }

    public List<RepAssignment> assignments(String repId) {
        return byRep.getOrDefault(repId, List.of());
    }

    public Optional<RepAssignment> activeOn(String repId, LocalDate day) {
        return assignments(repId).stream().filter(a -> a.isActiveOn(day)).findFirst();
    }

    /** The assignment that pays the rep for the period: the latest one that overlaps it. */
    public Optional<RepAssignment> forPeriod(String repId, YearMonth period) {
        return forPeriod(repId, PayPeriod.of(period));
    }

    /** The rep's latest assignment in force on some day of the pay period. */
    public Optional<RepAssignment> forPeriod(String repId, PayPeriod period) {
        return assignments(repId).stream()
                .filter(a -> a.overlaps(period.start(), period.end()))
                .max(Comparator.comparing(RepAssignment::effectiveFrom));
    }
}
