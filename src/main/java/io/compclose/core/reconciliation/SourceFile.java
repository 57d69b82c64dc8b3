package io.compclose.core.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An inbox file (or its database extract) as the reconciliation step reads it again: its rows and, per
 * currency, the money it carries, in all and on the lines intake rejected or counted as re-deliveries.
 * An amount counts where both the row's amount and its currency can be read (a plain decimal, an
 * upper-case ISO code); a row where either cannot (often the very reason it was rejected) counts in
 * rows only, so it is left out of both sides of the tie alike.
 *
 * @param read      per currency, the rows with a readable amount and their sum
 * @param rejected  the same, of the lines intake rejected
 * @param duplicate the same, of the lines intake counted once as identical re-deliveries
 */
public record SourceFile(long rows, Map<String, ControlTotal> read, Map<String, ControlTotal> rejected,
        Map<String, ControlTotal> duplicate) {

    public SourceFile {
        read = ControlSnapshot.frozen(read);
        rejected = ControlSnapshot.frozen(rejected);
        duplicate = ControlSnapshot.frozen(duplicate);
    }

    /** Per currency, what the file says against what intake accepted plus what it did not: the broken ties. */
    List<Tie> againstAccepted(String what, Map<String, ControlTotal> accepted) {
        Set<String> currencies = new TreeSet<>(read.keySet());
        currencies.addAll(accepted.keySet());
        currencies.addAll(rejected.keySet());
        currencies.addAll(duplicate.keySet());
        List<Tie> broken = new ArrayList<>();
        for (String currency : currencies) {
            BigDecimal a = ControlSnapshot.amountOrZero(accepted.get(currency));
            BigDecimal r = ControlSnapshot.amountOrZero(rejected.get(currency));
            BigDecimal d = ControlSnapshot.amountOrZero(duplicate.get(currency));
            Tie tie = new Tie(currency, what + " read", ControlSnapshot.amountOrZero(read.get(currency)),
                    "accepted " + Tie.figure(a) + " + rejected " + Tie.figure(r) + " + re-delivered " + Tie.figure(d)
                            + " =", a.add(r).add(d));
            if (!tie.holds()) {
                broken.add(tie);
            }
        }
        return broken;
    }
}
