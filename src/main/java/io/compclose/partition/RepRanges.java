package io.compclose.partition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import io.compclose.core.plan.PayPeriod;

/**
 * Splits the period's active reps, in rep id order, into contiguous ranges of about the same work. A
 * rep's work is weighed by its credits and the accounts it owns, plus one: a manager's roll-up credits
 * fill a statement of many pages, a CSM's accounts many usage lines, so ranges of equal rep counts took
 * from 7 to 40 s on the reference month. A range is two rep ids, so a partition's context stays small at
 * any roster size, and the same rows give the same ranges (a restarted step keeps its ranges anyway:
 * Spring Batch gives an unfinished range its own stored context back).
 */
public class RepRanges implements Partitioner {

    public static final String FIRST_REP = "firstRep";
    public static final String LAST_REP = "lastRep";
    public static final String REPS = "reps";
    /** The range's weight: the sum of its reps' weights. */
    public static final String WEIGHT = "weight";

    private final RepRangeRepository reps;
    private final PayPeriod period;

    public RepRanges(RepRangeRepository reps, PayPeriod period) {
        this.reps = reps;
        this.period = period;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        return split(reps.weighedReps(period), gridSize);
    }

    /** A rep and the work it brings to a range. */
    record WeighedRep(String repId, long weight) {
    }

    /**
     * {@code reps} in order, cut into at most {@code ranges} contiguous ranges: each cut falls where the
     * running weight comes nearest to its share of the total, and every range holds at least one rep.
     */
    static Map<String, ExecutionContext> split(List<WeighedRep> reps, int ranges) {
        int count = Math.min(Math.max(ranges, 1), reps.size());
        long[] runningWeight = new long[reps.size() + 1];
        for (int i = 0; i < reps.size(); i++) {
            runningWeight[i + 1] = runningWeight[i] + reps.get(i).weight();
        }
        long total = runningWeight[reps.size()];
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int from = 0;
        for (int k = 1; k <= count; k++) {
            int to = k == count ? reps.size() : cut(runningWeight, (double) total * k / count, from + 1,
                    reps.size() - (count - k));
            ExecutionContext context = new ExecutionContext();
            context.putString(FIRST_REP, reps.get(from).repId());
            context.putString(LAST_REP, reps.get(to - 1).repId());
            context.putLong(REPS, to - from);
            context.putLong(WEIGHT, runningWeight[to] - runningWeight[from]);
            partitions.put(String.format(Locale.ROOT, "reps%03d", k), context);
            from = to;
        }
        return partitions;
    }

    /** The end (exclusive) in [min, max] whose running weight is nearest {@code share}; the lower on a tie. */
    private static int cut(long[] runningWeight, double share, int min, int max) {
        int end = min;
        while (end < max && Math.abs(runningWeight[end + 1] - share) < Math.abs(runningWeight[end] - share)) {
            end++;
        }
        return end;
    }
}
