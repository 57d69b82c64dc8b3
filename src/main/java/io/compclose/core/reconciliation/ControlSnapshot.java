package io.compclose.core.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every figure reconciliation ties, read once and then only looked at: the rules over it are plain
 * functions, so each can be checked on figures made by hand.
 *
 * @param files            each input file counted again, in the order intake reads them
 * @param stages           per stage name (booked_acv, pay_lines, ...), its rows and amount per currency, in
 *                         the order they are recorded
 * @param adjustmentLines  the manual adjustments' pay lines: tied to the adjustments, but not recorded
 * @param unbalancedShares bookings whose primary credit shares do not total 100 %
 * @param uncalculated     credits without an earning line
 * @param unsettled        active reps without a calculation
 */
public record ControlSnapshot(String period, List<FileRows> files, Map<String, SortedMap<String, ControlTotal>> stages,
        SortedMap<String, ControlTotal> adjustmentLines, Named unbalancedShares, Named uncalculated,
        Named unsettled) {

    public ControlSnapshot {
        files = List.copyOf(files);
        Map<String, SortedMap<String, ControlTotal>> copy = new LinkedHashMap<>();
        stages.forEach((stage, totals) -> copy.put(stage, frozen(totals)));
        stages = Collections.unmodifiableMap(copy);
        adjustmentLines = frozen(adjustmentLines);
    }

    /** One stage's totals per currency, in currency order; none if the stage has no rows. */
    SortedMap<String, ControlTotal> stage(String name) {
        return stages.getOrDefault(name, Collections.emptySortedMap());
    }

    FileRows file(String name) {
        return files.stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow();
    }

    /** The control totals to record: each file's rows (and amounts), then the stages, as the close summary shows them. */
    public List<ControlTotal> recorded() {
        List<ControlTotal> totals = new ArrayList<>();
        for (FileRows file : files) {
            totals.addAll(file.totals());
        }
        stages.values().forEach(stage -> totals.addAll(stage.values()));
        return totals;
    }

    static SortedMap<String, ControlTotal> frozen(Map<String, ControlTotal> totals) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(totals));
    }

    static BigDecimal amountOrZero(ControlTotal total) {
        return total == null ? BigDecimal.ZERO : total.amount();
    }

    /**
     * An input file's rows as read again and as intake saw them.
     *
     * @param amounts for a file that carries money (bookings, adjustments), its amounts read again; else null
     */
    public record FileRows(String file, long read, long accepted, long rejected, long duplicate, SourceFile amounts) {

        List<ControlTotal> totals() {
            List<ControlTotal> totals = new ArrayList<>(List.of(new ControlTotal(file + ":read", "", read, BigDecimal.ZERO),
                    new ControlTotal(file + ":accepted", "", accepted, BigDecimal.ZERO),
                    new ControlTotal(file + ":rejected", "", rejected, BigDecimal.ZERO),
                    new ControlTotal(file + ":duplicate", "", duplicate, BigDecimal.ZERO)));
            if (amounts != null) {
                for (Map<String, ControlTotal> money : List.of(amounts.read(), amounts.rejected(), amounts.duplicate())) {
                    totals.addAll(money.values());
                }
            }
            return totals;
        }
    }

    /** What a break names: the first few rows a query finds, each described, and how many there are. */
    public record Named(long count, List<String> first) {

        public Named {
            first = List.copyOf(first);
        }

        @Override
        public String toString() {
            return String.join(", ", first) + (count > first.size() ? " and " + (count - first.size()) + " more" : "");
        }
    }
}
