package io.compclose.core.plan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every version of every plan the inbox holds, and the warnings found while reading them;
 * answers "which plan applies on this day".
 */
public record PlanCatalog(List<Plan> plans, List<String> warnings) {

    public PlanCatalog {
        plans = List.copyOf(plans);
        warnings = List.copyOf(warnings);
    }

    public PlanCatalog(List<Plan> plans) {
        this(plans, List.of());
    }

    public boolean knows(String planId) {
        return plans.stream().anyMatch(p -> p.id().equals(planId));
    }

    /** The highest version of the plan effective on the day, if any. */
    public Optional<Plan> effective(String planId, LocalDate day) {
        return plans.stream()
                .filter(p -> p.id().equals(planId) && p.isEffectiveOn(day))
                .max(Comparator.comparingInt(Plan::version));
    }
}
