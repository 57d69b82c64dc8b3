package io.compclose.core.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two figures of one currency that must be equal at a hand-off of the close, to the cent. A broken
 * tie reads as finance would check it: the currency, both figures and the difference.
 */
public record Tie(String currency, String leftName, BigDecimal left, String rightName, BigDecimal right) {

    public boolean holds() {
        return left.compareTo(right) == 0;
    }

    public BigDecimal difference() {
        return left.subtract(right);
    }

    /** The ties that do not hold, one per currency either side has (missing is zero), in currency order. */
    public static List<Tie> broken(String leftName, Map<String, BigDecimal> left, String rightName,
            Map<String, BigDecimal> right) {
        TreeSet<String> currencies = new TreeSet<>(left.keySet());
        currencies.addAll(right.keySet());
        List<Tie> broken = new ArrayList<>();
        for (String currency : currencies) {
            Tie tie = new Tie(currency, leftName, left.getOrDefault(currency, BigDecimal.ZERO), rightName,
                    right.getOrDefault(currency, BigDecimal.ZERO));
            if (!tie.holds()) {
                broken.add(tie);
            }
        }
        return broken;
    }

    /** An amount as a person writes it: the database's 4079230.0700 is 4079230.07, and cents are kept. */
    public static String figure(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
    }

    @Override
    public String toString() {
        return currency + ": " + leftName + " " + figure(left) + " <> " + rightName + " " + figure(right)
                + " (difference " + figure(difference()) + ")";
    }
}
