package io.compclose.core.calculation;

import java.util.ArrayList;
import java.util.List;

import io.compclose.core.money.Money;

/**
 * Caps the commission of each transaction; the removed part is reported per transaction. The cap takes
 * from the line's accelerator first: what it leaves is paid at the rate at quota before anything above.
 */
public final class DealCap {

    private DealCap() {
    }

    /** The lines with each transaction's commission capped, and what the cap removed from each. */
    public static Capped apply(List<ComponentLine> lines, Money perDeal) {
        if (perDeal == null) {
            return new Capped(lines, List.of());
        }
        List<ComponentLine> result = new ArrayList<>();
        List<Settlement.CapEffect> removed = new ArrayList<>();
        for (ComponentLine line : lines) {
            if (line.kind() == ComponentLine.Kind.TRANSACTION && line.amount().compareTo(perDeal) > 0) {
                Money cut = line.amount().minus(perDeal);
                removed.add(new Settlement.CapEffect("per deal " + line.sourceId(), perDeal, cut));
                result.add(new ComponentLine(line.kind(), line.sourceId(), line.period(), line.credit(),
                        line.multiplier(), line.band(), line.rate(), perDeal.rounded(), "capped at "
                        + perDeal.amount().toPlainString() + " per deal (was " + line.amount().amount().toPlainString()
                        + ")", line.accelerator().minus(cut).max(Money.zero(perDeal.currency())).rounded()));
            } else {
                result.add(line);
            }
        }
        return new Capped(result, removed);
    }

    public record Capped(List<ComponentLine> lines, List<Settlement.CapEffect> removed) {
    }
}
