package io.compclose.plan;

import static io.compclose.system.BoundYaml.AT_LEAST;
import static io.compclose.system.BoundYaml.MAPPING;
import static io.compclose.system.BoundYaml.NOT_NEGATIVE;
import static io.compclose.system.BoundYaml.REQUIRED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.ThresholdSemantics;
import io.compclose.core.plan.TierPolicy;

/**
 * A plan as a plan file writes it (one YAML document), with the rules of single fields as constraints.
 * {@link PlanLoader} checks the rules across fields and maps it to the core's {@code Plan}; metrics and
 * conditions stay text here because their languages are checked there.
 */
record PlanFile(
        @NotBlank(message = REQUIRED) String plan,
        @NotNull(message = REQUIRED) @Min(value = 1, message = AT_LEAST) Integer version,
        String name,
        @NotNull(message = REQUIRED) LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @NotBlank(message = REQUIRED) String currency,
        @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal baseSalary,
        @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal targetIncentive,
        Measurement measurement,
        @NotNull(message = "at least one component is required")
        @Valid List<@NotNull(message = MAPPING) Component> components,
        @Valid Caps caps,
        @Valid Draw draw,
        @Valid Holdback holdback,
        @Valid Clawback clawback,
        @Valid List<@NotNull(message = MAPPING) Spiff> spiffs,
        @Valid List<@NotNull(message = MAPPING) Bonus> bonuses,
        @Valid TeamPool teamPool,
        @Valid List<@NotNull(message = MAPPING) Mbo> mbo,
        Boolean allowRateAboveOne,
        @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal allowMultiplierAbove) {

    private static final String SHARE = "must be between 0 and 1, was ${validatedValue}";

    record Component(
            @NotBlank(message = REQUIRED) String id,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal weight,
            @NotBlank(message = REQUIRED) String metric,
            String when,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal quota,
            Map<String, BigDecimal> quotaByPeriod,
            @Valid List<@NotNull(message = MAPPING) Multiplier> creditMultipliers,
            PayMethod pay,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal rate,
            @Valid Table rateTable,
            @Valid ComponentCaps caps) {
    }

    record ComponentCaps(@DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal perDeal) {
    }

    record Table(TierPolicy policy, BandBasis basis,
            @NotNull(message = "at least one band is required") @Valid List<@NotNull(message = MAPPING) Band> bands,
            @Valid Threshold threshold) {
    }

    record Band(
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal from,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal to,
            @NotNull(message = REQUIRED) BigDecimal rate) {
    }

    record Threshold(
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal attainment,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal amount,
            @NotNull(message = REQUIRED) ThresholdSemantics semantics) {
    }

    record Multiplier(String when, String bundleIncludes,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal factor,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal extra) {
    }

    record Caps(
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal perPeriod,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal perYear,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal multipleOfTarget) {

        PlanTerms.Caps terms() {
            return new PlanTerms.Caps(perPeriod, perYear, multipleOfTarget);
        }
    }

    record Draw(
            @NotNull(message = REQUIRED) PlanTerms.Draw.Kind kind,
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal perPeriod,
            @NotNull(message = REQUIRED) @Min(value = 1, message = AT_LEAST) Integer periods) {

        PlanTerms.Draw terms() {
            return new PlanTerms.Draw(kind, perPeriod, periods);
        }
    }

    record Holdback(
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE)
            @DecimalMax(value = "1", message = SHARE) BigDecimal share,
            @NotNull(message = REQUIRED) PlanTerms.Holdback.Release release) {

        PlanTerms.Holdback terms() {
            return new PlanTerms.Holdback(share, release);
        }
    }

    record Clawback(
            @NotNull(message = REQUIRED) @Min(value = 0, message = AT_LEAST) Integer windowDays,
            @NotNull(message = REQUIRED) PlanTerms.Clawback.Method method) {

        PlanTerms.Clawback terms() {
            return new PlanTerms.Clawback(windowDays, method);
        }
    }

    record Spiff(
            @NotBlank(message = REQUIRED) String id,
            @NotNull(message = REQUIRED) LocalDate from,
            @NotNull(message = REQUIRED) LocalDate to,
            String when,
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal amountPerDeal) {

        PlanTerms.Spiff terms() {
            return new PlanTerms.Spiff(id, from, to, when, amountPerDeal);
        }
    }

    record Bonus(
            @NotBlank(message = REQUIRED) String id,
            @NotBlank(message = REQUIRED) String metric,
            @NotNull(message = REQUIRED) BigDecimal atLeast,
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal amount,
            String oncePer) {
    }

    record TeamPool(
            @NotBlank(message = REQUIRED) String team,
            @NotBlank(message = REQUIRED) String metric,
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal target,
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE) BigDecimal pool,
            @NotNull(message = REQUIRED) PlanTerms.TeamPool.Split split,
            Boolean allMustQualify) {
    }

    record Mbo(
            @NotBlank(message = REQUIRED) String objective,
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE)
            @DecimalMax(value = "1", message = SHARE) BigDecimal weight) {

        PlanTerms.Mbo terms() {
            return new PlanTerms.Mbo(objective, weight);
        }
    }
}
