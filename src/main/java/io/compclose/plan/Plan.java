package io.compclose.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a compensation plan, effective on {@code [effectiveFrom, effectiveTo]} (both
 * inclusive, as plan years are written). A higher version supersedes lower ones on the days it
 * covers.
 */
public record Plan(
        String id,
        int version,
        String name,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String currency,
        List<PlanComponent> components,
        String sourceFile) {

    public Plan {
        components = List.copyOf(components);
    }

    public boolean isEffectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
