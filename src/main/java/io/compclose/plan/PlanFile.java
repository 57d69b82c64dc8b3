package io.compclose.plan;

import static io.compclose.system.BoundYaml.MAPPING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.compclose.core.plan.BandAmount;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.TablePricing;
import io.compclose.core.plan.ThresholdSemantics;
import io.compclose.core.plan.TierPolicy;

/**
 * A plan as a plan file writes it (one YAML document), with the rules of single fields as constraints.
 * {@link PlanLoader} checks the rules across fields and maps it to the core's {@code Plan}; metrics and
 * conditions stay text here because their languages are checked there.
 */
record PlanFile(@NotBlank String plan, @NotNull @Min(1) Integer version, String name,
        @NotNull LocalDate effectiveFrom, LocalDate effectiveTo, @NotNull Currency currency,
        @PositiveOrZero BigDecimal baseSalary, @PositiveOrZero BigDecimal targetIncentive, Measurement measurement,
        @NotNull(message = "at least one component is required")
        @Size(min = 1, message = "at least one component is required, the list is empty")
        @Valid List<@NotNull(message = MAPPING) Component> components,
        @Valid Caps caps, @Valid Draw draw, @Valid Holdback holdback, @Valid Clawback clawback,
        @Valid List<@NotNull(message = MAPPING) Spiff> spiffs, @Valid List<@NotNull(message = MAPPING) Bonus> bonuses,
        @Valid TeamPool teamPool, @Valid List<@NotNull(message = MAPPING) Mbo> mbo,
        Boolean allowRateAboveOne, @PositiveOrZero BigDecimal allowMultiplierAbove, Proration proration) {

    private static final String SHARE = "must be between 0 and 1, was ${validatedValue}";

    record Component(@NotBlank String id, @PositiveOrZero BigDecimal weight, @NotBlank String metric, String when,
            @PositiveOrZero BigDecimal quota, Map<String, BigDecimal> quotaByPeriod,
            @Valid List<@NotNull(message = MAPPING) Multiplier> creditMultipliers, PayMethod pay,
            WrittenRate rate, @Valid Table rateTable, @Valid ComponentCaps caps) {
    }

    record ComponentCaps(@PositiveOrZero BigDecimal perDeal) {
    }

    record Table(TierPolicy policy, BandBasis basis,
            @NotNull(message = "at least one band is required") @Valid List<@NotNull(message = MAPPING) Band> bands,
            @Valid Threshold threshold, TablePricing pricing, BandAmount amounts) {
    }

    /** A band pays a rate, or in an amount table an amount: which one is required is checked by PlanLoader. */
    record Band(@NotNull @PositiveOrZero BigDecimal from, @PositiveOrZero BigDecimal to, BigDecimal rate,
            @PositiveOrZero BigDecimal amount) {
    }

    record Threshold(@PositiveOrZero BigDecimal attainment, @PositiveOrZero BigDecimal amount,
            @NotNull ThresholdSemantics semantics) {
    }

    record Multiplier(String when, String bundleIncludes, @PositiveOrZero BigDecimal factor,
            @PositiveOrZero BigDecimal extra) {
    }

    record Caps(@PositiveOrZero BigDecimal perPeriod, @PositiveOrZero BigDecimal perYear,
            @PositiveOrZero BigDecimal multipleOfTarget) {
    }

    record Draw(@NotNull PlanTerms.Draw.Kind kind, @NotNull @PositiveOrZero BigDecimal perPeriod,
            @NotNull @Min(1) Integer periods) {
    }

    record Holdback(@NotNull @PositiveOrZero @DecimalMax(value = "1", message = SHARE) BigDecimal share,
            @NotNull PlanTerms.Holdback.Release release) {
    }

    record Clawback(@NotNull @Min(0) Integer windowDays, @NotNull PlanTerms.Clawback.Method method,
            @PositiveOrZero @DecimalMax(value = "1", message = SHARE) BigDecimal share,
            @Valid List<@NotNull(message = MAPPING) ClawbackStep> schedule, PlanTerms.Clawback.Recovery recovery) {
    }

    record ClawbackStep(@NotNull @Min(1) Integer withinMonths,
            @NotNull @PositiveOrZero @DecimalMax(value = "1", message = SHARE) BigDecimal share) {
    }

    /** One of amount_per_deal, rate or tiers ({@link SpiffTerms} checks which); cap_per_year optional. */
    record Spiff(@NotBlank String id, @NotNull LocalDate from, @NotNull LocalDate to, String when,
            @PositiveOrZero BigDecimal amountPerDeal, @PositiveOrZero BigDecimal rate,
            @Valid List<@NotNull(message = MAPPING) SpiffTier> tiers,
            @Positive(message = "must be above zero, was ${validatedValue}") BigDecimal capPerYear) {
    }

    record SpiffTier(@NotNull @PositiveOrZero BigDecimal from, @PositiveOrZero BigDecimal to,
            @NotNull @PositiveOrZero BigDecimal amount) {
    }

    record Bonus(@NotBlank String id, @NotBlank String metric, @NotNull BigDecimal atLeast,
            @NotNull @PositiveOrZero BigDecimal amount,
            @Pattern(regexp = "(?i)YEAR", message = "only YEAR is known, was '${validatedValue}'") String oncePer) {
    }

    record TeamPool(@NotBlank String team, @NotBlank String metric, @NotNull @PositiveOrZero BigDecimal target,
            @NotNull @PositiveOrZero BigDecimal pool, @NotNull PlanTerms.TeamPool.Split split,
            Boolean allMustQualify) {
    }

    /** {@code proration: {by: DAYS}}; {@code by} may be left out (DAYS). */
    record Proration(PlanTerms.Proration.By by) {
    }

    record Mbo(@NotBlank String objective,
            @NotNull @PositiveOrZero @DecimalMax(value = "1", message = SHARE) BigDecimal weight) {
    }
}
