package io.compclose.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.compclose.system.Amounts;

/**
 * One figure a statement shows, kept with the statement so that a revised version can say what
 * changed: the payout, each earning code, earned to date, and each line's commission.
 *
 * @param key   stable across versions: {@code payout}, {@code pay:CLAWBACK}, {@code line:B-1017}
 * @param label as the rep reads it
 */
public record StatementFigure(String key, String label, BigDecimal amount) {

    /** The figures of a statement, in the order a rep reads them. */
    public static List<StatementFigure> of(StatementDocument doc) {
        Map<String, StatementFigure> figures = new LinkedHashMap<>();
        add(figures, "payout", "Payout", doc.totalCommission());
        for (StatementPayLine pay : doc.payLines()) {
            add(figures, "pay:" + pay.code(), pay.code(), pay.amount());
        }
        add(figures, "earned_to_date", "Earned to date", doc.earnedToDate());
        for (StatementLine line : doc.lines()) {
            String label = line.isBooking() ? line.bookingId() + " (" + line.accountName() + ")"
                    : line.bookingId() + ": " + line.description();
            add(figures, "line:" + line.kind() + ":" + line.bookingId() + ":" + (line.isBooking() ? "" : line.description()),
                    label, line.commission());
        }
        return new ArrayList<>(figures.values());
    }

    private static void add(Map<String, StatementFigure> figures, String key, String label, BigDecimal amount) {
        String fitted = key.length() > 200 ? key.substring(0, 200) : key;
        figures.merge(fitted, new StatementFigure(fitted, label, amount.setScale(2, java.math.RoundingMode.UNNECESSARY)),
                (a, b) -> new StatementFigure(a.key(), a.label(), a.amount().add(b.amount())));
    }

    /**
     * What changed from {@code before} to {@code after}, in words: "Payout: 4,230.00 → 4,380.00
     * (+150.00)", "new: N4 (Kappa) 500.00", "N2 (Gamma Ltd) 1,000.00 → removed".
     */
    public static List<String> changes(List<StatementFigure> before, List<StatementFigure> after) {
        Map<String, StatementFigure> old = new LinkedHashMap<>();
        before.forEach(f -> old.put(f.key(), f));
        List<String> changes = new ArrayList<>();
        for (StatementFigure now : after) {
            StatementFigure then = old.remove(now.key());
            if (then == null) {
                changes.add("new: " + now.label() + " " + Amounts.format(now.amount()));
            } else if (then.amount().compareTo(now.amount()) != 0) {
                BigDecimal difference = now.amount().subtract(then.amount());
                changes.add(now.label() + ": " + Amounts.format(then.amount()) + " → " + Amounts.format(now.amount())
                        + " (" + (difference.signum() > 0 ? "+" : "") + Amounts.format(difference) + ")");
            }
        }
        old.values().forEach(gone -> changes.add(gone.label() + " " + Amounts.format(gone.amount()) + " → removed"));
        return changes;
    }
}
