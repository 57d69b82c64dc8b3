package io.compclose.partition;

import java.util.Collections;
import java.util.List;

import io.compclose.core.input.Roster;
import io.compclose.core.plan.PayPeriod;

/**
 * The reps a step reads together, a block at a time: a few queries per block instead of a few per
 * rep. Steps take reps in rep id order, so a rep starts the block of the period's active reps from it
 * on, up to the last rep of the range the step runs (a range never reads its neighbour's reps).
 */
public final class RepBlocks {

    private final List<String> activeReps;
    private final String lastRep;
    private final int size;

    /** @param lastRep the last rep of the range the step runs, or null when it runs them all */
    public RepBlocks(Roster roster, PayPeriod period, String lastRep, int size) {
        this.activeReps = activeReps(roster, period);
        this.lastRep = lastRep;
        this.size = size;
    }

    /** The period's active reps, in rep id order: the order steps take them in. */
    public static List<String> activeReps(Roster roster, PayPeriod period) {
        return roster.all().stream().map(a -> a.repId()).distinct()
                .filter(rep -> roster.forPeriod(rep, period).isPresent()).sorted().toList();
    }

    /** The block that starts at the rep: the rep alone when it is not among the period's active reps. */
    public List<String> from(String repId) {
        int at = Collections.binarySearch(activeReps, repId);
        if (at < 0) {
            return List.of(repId);
        }
        int end = Math.min(at + size, activeReps.size());
        if (lastRep != null) {
            int last = Collections.binarySearch(activeReps, lastRep);
            end = Math.max(at + 1, Math.min(end, last >= 0 ? last + 1 : -last - 1));
        }
        return activeReps.subList(at, end);
    }
}
