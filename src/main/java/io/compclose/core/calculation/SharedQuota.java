package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;

/**
 * The year's attainment of a rep whose prorated plan changed mid-year: the versions of one plan that measure
 * the same component (id and metric) in the same window measure their credit together against the sum of their
 * prorated quotas: that is the attainment each of them reports and pays a target by. On value, each version
 * still prices only its own deals, with its own table, from where the versions before it left off, so a rep
 * at 90 % when the quota changes is not sent back to the first band.
 * Versions without proration measure on their own, as they always have.
 */
final class SharedQuota {

    private SharedQuota() {
    }

    /** A component of one version over one window: what it is measured against and what it measures. */
    record Measured(Plan plan, PlanComponent component, RepCalculator.Window window, ComponentTerms terms,
            List<CreditedTransaction> transactions) {

        BigDecimal credit() {
            return transactions.stream().map(CreditedTransaction::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The same list, in the same order, each shared window's terms measured against the versions' quota. */
    static List<Measured> combine(List<Measured> measured) {
        Map<String, List<Measured>> shared = new LinkedHashMap<>();
        for (Measured m : measured) {
            if (m.plan().proration() != null && m.terms().quota() != null) {
                shared.computeIfAbsent(m.plan().id() + "\n" + m.component().id() + "\n" + m.component().metric()
                        + "\n" + m.window().key(), key -> new ArrayList<>()).add(m);
            }
        }
        Map<Measured, ComponentTerms> terms = new IdentityHashMap<>();
        for (List<Measured> versions : shared.values()) {
            if (versions.size() < 2) {
                continue;
            }
            BigDecimal quota = versions.stream().map(m -> m.terms().quota()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = versions.stream().map(Measured::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal before = BigDecimal.ZERO;
            for (Measured m : versions.stream().sorted(Comparator.comparing((Measured v) -> v.plan().effectiveFrom())
                    .thenComparingInt(v -> v.plan().version())).toList()) {
                BigDecimal own = m.credit();
                terms.put(m, m.terms().sharedWith(quota, before, total.subtract(before).subtract(own)));
                before = before.add(own);
            }
        }
        return measured.stream().map(m -> terms.containsKey(m)
                ? new Measured(m.plan(), m.component(), m.window(), terms.get(m), m.transactions()) : m).toList();
    }
}
