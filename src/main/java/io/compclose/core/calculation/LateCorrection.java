package io.compclose.core.calculation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.compclose.core.money.Money;

/**
 * What a period pays for inputs that arrived after their own period was locked: late bookings and
 * corrected bookings. The true-up already pays the difference inside the period's commission; this
 * names it. The difference is the earned to date with the late inputs minus the earned to date
 * without them, and it moves out of the commission line into an ADJUSTMENT line that names the
 * locked periods and bookings it corrects. The period's total pay does not change.
 */
public final class LateCorrection {

    /** One late input of the rep: the booking, the locked period it corrects, and what happened to it. */
    public record Item(String bookingId, String correctsPeriod, String what) {
    }

    private LateCorrection() {
    }

    /**
     * @param lines the settlement's pay lines; the first COMMISSION line is the period's true-up
     * @param delta earned to date with the late inputs − without them
     */
    public static List<PayLine> split(List<PayLine> lines, Money delta, List<Item> items) {
        Money rounded = delta.rounded();
        int commission = firstCommission(lines);
        if (rounded.isZero() || commission < 0 || items.isEmpty()) {
            // nothing paid this period (the difference sits in the balance carried), or nothing to name
            return lines;
        }
        PayLine trueUp = lines.get(commission);
        // a positive difference cannot exceed what the period pays in commission (caps may have cut it)
        Money named = rounded.signum() > 0 ? rounded.min(trueUp.amount()) : rounded;
        List<PayLine> split = new ArrayList<>(lines);
        Money rest = trueUp.amount().minus(named);
        if (rest.isZero()) {
            split.remove(commission);
        } else {
            split.set(commission, new PayLine(trueUp.code(), rest, trueUp.why() + (named.signum() > 0
                    ? "; of which " + named.amount().toPlainString() + " is paid below as a correction"
                    : "; a correction of " + named.negate().amount().toPlainString() + " is deducted below"),
                    trueUp.reference()));
        }
        split.add(commission + (rest.isZero() ? 0 : 1), new PayLine(EarningCode.ADJUSTMENT, named,
                why(items), "corrects:" + periods(items)));
        return split;
    }

    private static int firstCommission(List<PayLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).code() == EarningCode.COMMISSION && lines.get(i).amount().signum() > 0) {
                return i;
            }
        }
        return -1;
    }

    private static String periods(List<Item> items) {
        return items.stream().map(Item::correctsPeriod).distinct().sorted().collect(Collectors.joining(","));
    }

    /** "correction for locked 2026-10: B-9 booked late on 2026-10-20; B-3 corrected". */
    private static String why(List<Item> items) {
        Map<String, List<String>> byPeriod = new TreeMap<>();
        for (Item item : items) {
            byPeriod.computeIfAbsent(item.correctsPeriod(), p -> new ArrayList<>())
                    .add(item.bookingId() + " " + item.what());
        }
        return byPeriod.entrySet().stream()
                .map(e -> "correction for locked " + e.getKey() + ": " + String.join("; ", e.getValue()))
                .collect(Collectors.joining(". "));
    }
}
