package io.compclose.core.plan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

    /**
     * The first version of the plan that applies on a day of {@code [from, to]} ({@code to} null: open) and
     * whose amounts are written in another currency than {@code currency}: its quotas, bands and caps
     * would be read as that currency.
     */
    public Optional<Plan> versionInOtherCurrency(String planId, String currency, LocalDate from, LocalDate to) {
        // the version that applies changes only on a day where a version starts or has just ended
        Stream<LocalDate> changes = plans.stream().filter(p -> p.id().equals(planId))
                .flatMap(p -> p.effectiveTo() == null ? Stream.of(p.effectiveFrom())
                        : Stream.of(p.effectiveFrom(), p.effectiveTo().plusDays(1)));
        return Stream.concat(Stream.of(from), changes)
                .filter(day -> !day.isBefore(from) && (to == null || !day.isAfter(to)))
                .sorted()
                .flatMap(day -> effective(planId, day).stream())
                .filter(p -> !p.currency().equals(currency))
                .findFirst();
    }
}
