package io.compclose.core.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a compensation plan, effective on {@code [effectiveFrom, effectiveTo]} (both
 * inclusive, as plan years are written). A higher version supersedes lower ones on the days it
 * covers. Every mechanic of domain.md has a place here; absent ones are null or empty.
 */
public record Plan(
        String id,
        int version,
        String name,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String currency,
        BigDecimal baseSalary,
        BigDecimal targetIncentive,
        Measurement measurement,
        List<PlanComponent> components,
        PlanTerms.Caps caps,
        PlanTerms.Draw draw,
        PlanTerms.Holdback holdback,
        PlanTerms.Clawback clawback,
        List<PlanTerms.Spiff> spiffs,
        List<PlanTerms.Bonus> bonuses,
        PlanTerms.TeamPool teamPool,
        List<PlanTerms.Mbo> mbos,
        PlanTerms.Proration proration,
        String sourceFile) {

    public Plan {
        components = List.copyOf(components);
        spiffs = List.copyOf(spiffs);
        bonuses = List.copyOf(bonuses);
        mbos = List.copyOf(mbos);
    }

    /** A version without proration: each version measures against its full annual quota. */
    public Plan(String id, int version, String name, LocalDate effectiveFrom, LocalDate effectiveTo, String currency,
            BigDecimal baseSalary, BigDecimal targetIncentive, Measurement measurement, List<PlanComponent> components,
            PlanTerms.Caps caps, PlanTerms.Draw draw, PlanTerms.Holdback holdback, PlanTerms.Clawback clawback,
            List<PlanTerms.Spiff> spiffs, List<PlanTerms.Bonus> bonuses, PlanTerms.TeamPool teamPool,
            List<PlanTerms.Mbo> mbos, String sourceFile) {
        this(id, version, name, effectiveFrom, effectiveTo, currency, baseSalary, targetIncentive, measurement,
                components, caps, draw, holdback, clawback, spiffs, bonuses, teamPool, mbos, null, sourceFile);
    }

    /** A plan of one flat-rate component on value, nothing else. */
    public static Plan flat(String id, int version, String name, LocalDate from, LocalDate to, String currency,
            PlanComponent component, String sourceFile) {
        return new Plan(id, version, name, from, to, currency, null, null, Measurement.YEAR_TO_DATE,
                List.of(component), PlanTerms.Caps.NONE, null, null, null, List.of(), List.of(), null, List.of(),
                sourceFile);
    }

    /** The same version with its quota and target incentive prorated as {@code proration} says. */
    public Plan withProration(PlanTerms.Proration proration) {
        return new Plan(id, version, name, effectiveFrom, effectiveTo, currency, baseSalary, targetIncentive,
                measurement, components, caps, draw, holdback, clawback, spiffs, bonuses, teamPool, mbos, proration,
                sourceFile);
    }

    public boolean isEffectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** On-target earnings: base salary + target incentive, when both are given. */
    public BigDecimal onTargetEarnings() {
        return baseSalary == null || targetIncentive == null ? null : baseSalary.add(targetIncentive);
    }
}
