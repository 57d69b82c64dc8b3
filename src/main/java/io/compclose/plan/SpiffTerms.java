package io.compclose.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TierPolicy;
import io.compclose.system.FieldProblems;

/**
 * A SPIFF as written, checked across its fields: exactly one of {@code amount_per_deal}, {@code rate} or
 * {@code tiers}; tiers without gaps or overlaps; a window in order that meets the plan version's dates.
 */
final class SpiffTerms {

    private SpiffTerms() {
    }

    /** The program, or null when it is wrong (each problem is in {@code problems}). */
    static PlanTerms.Spiff read(PlanFile.Spiff spiff, PlanFile plan, BigDecimal rate, String when,
            FieldProblems problems) {
        checkWindow(spiff.from(), spiff.to(), plan.effectiveFrom(), plan.effectiveTo(), problems);
        List<String> given = new ArrayList<>();
        if (spiff.amountPerDeal() != null) {
            given.add("amount_per_deal");
        }
        if (spiff.rate() != null) {
            given.add("rate");
        }
        if (spiff.tiers() != null) {
            given.add("tiers");
        }
        if (given.isEmpty()) {
            problems.add("amount_per_deal", "is required (or rate, or tiers)");
        } else if (given.size() > 1) {
            problems.add(given.get(1), "give one of amount_per_deal, rate or tiers, not " + String.join(" and ", given));
        }
        List<Band> tiers = tiers(spiff.tiers(), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new PlanTerms.Spiff(spiff.id(), spiff.from(), spiff.to(), when, spiff.amountPerDeal(), rate, tiers,
                spiff.capPerYear());
    }

    /** A window that ends before it starts, or lies wholly outside the version, could never pay a deal. */
    private static void checkWindow(LocalDate from, LocalDate to, LocalDate planFrom, LocalDate planTo,
            FieldProblems problems) {
        if (from == null || to == null) {
            return;
        }
        if (to.isBefore(from)) {
            problems.add("to", "is before from");
        } else if (planFrom != null && to.isBefore(planFrom)) {
            problems.add("to", to + " is before the plan version starts (effective_from " + planFrom
                    + "): no deal booked under it could qualify");
        } else if (planTo != null && from.isAfter(planTo)) {
            problems.add("from", from + " is after the plan version ends (effective_to " + planTo
                    + "): no deal booked under it could qualify");
        }
    }

    /** The tiers as bands whose rate is the amount, checked like a rate table's bands; empty when not given. */
    private static List<Band> tiers(List<PlanFile.SpiffTier> written, FieldProblems problems) {
        if (written == null) {
            return List.of();
        }
        if (written.isEmpty()) {
            problems.add("tiers", "at least one tier is required, the list is empty");
        }
        if (written.isEmpty() || problems.has("tiers")
                || written.stream().anyMatch(t -> t == null || t.from() == null || t.amount() == null)) {
            return List.of();
        }
        List<Band> bands = written.stream().map(t -> new Band(t.from(), t.to(), t.amount())).toList();
        new RateTable(TierPolicy.RETROACTIVE, BandBasis.AMOUNT, bands, null).problems().stream()
                .map(p -> p.replace("band", "tier"))
                .forEach(problems::add);
        return bands;
    }
}
