package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandAmount;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TablePricing;
import io.compclose.core.plan.TierPolicy;

/** rate_table's pricing and amounts fields: read, defaulted, and refused by name when wrong or conflicting. */
class TablePricingPlanLoaderTests {

    @TempDir
    Path plans;

    private static final String HEAD = """
            plan: X
            version: 1
            effective_from: 2026-01-01
            currency: USD
            target_incentive: 12000
            components:
              - id: bookings
                metric: BOOKINGS_ACV
            """;

    private List<String> problemsOf(String component) {
        return new PlanFileFixture(plans).problemsOf(HEAD + component);
    }

    private RateTable tableOf(String component) throws Exception {
        return new PlanFileFixture(plans).load(HEAD + component).components().get(0).rateTable();
    }

    @Test
    void readsPerTransactionPricingAndAnInterpolatedAmountTable() throws Exception {
        RateTable table = tableOf("""
                    rate_table:
                      basis: AMOUNT
                      pricing: PER_TRANSACTION
                      amounts: INTERPOLATED
                      bands: [{from: 0, to: 10000, amount: 100}, {from: 10000, to: 20000, amount: 300}]
                """);
        assertThat(table.pricing()).isEqualTo(TablePricing.PER_TRANSACTION);
        assertThat(table.amounts()).isEqualTo(BandAmount.INTERPOLATED);
        assertThat(table.bands()).extracting(Band::amount).extracting(BigDecimal::toPlainString)
                .containsExactly("100", "300");
        assertThat(table.bands()).extracting(Band::rate).containsOnlyNulls();
    }

    @Test
    void withoutTheNewFieldsATableIsTodaysCumulativeTableOfRates() throws Exception {
        RateTable table = tableOf("""
                    rate_table: {basis: AMOUNT, bands: [{from: 0, to: 1000, rate: 0.01}, {from: 1000, rate: 0.02}]}
                """);
        assertThat(table.pricing()).isEqualTo(TablePricing.CUMULATIVE);
        assertThat(table.amounts()).isNull();
        assertThat(table.policy()).isEqualTo(TierPolicy.MARGINAL);
    }

    @Test
    void perTransactionNeedsBandsOnAmounts() throws Exception {
        assertThat(problemsOf("""
                    quota: 100000
                    rate_table: {pricing: PER_TRANSACTION, bands: [{from: 0, to: 1.0, rate: 0.08}, {from: 1.0, rate: 0.12}]}
                """)).containsExactly("p.yaml: plan X: components[0].rate_table: pricing: PER_TRANSACTION prices each "
                + "transaction's own credit, which has an amount but no attainment of the window's quota: set basis: "
                + "AMOUNT");
    }

    @Test
    void perTransactionAndAmountsAreRefusedOnAPayoutCurve() throws Exception {
        assertThat(problemsOf("""
                    quota: 100000
                    pay: TARGET_BY_ATTAINMENT
                    rate_table: {pricing: PER_TRANSACTION, amounts: WHOLE, bands: [{from: 0, amount: 1000}]}
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate_table: pricing: PER_TRANSACTION prices each transaction's own "
                        + "credit, which has an amount but no attainment of the window's quota: set basis: AMOUNT",
                "p.yaml: plan X: components[0].rate_table: pricing: PER_TRANSACTION prices each transaction's credit; "
                        + "a component paid TARGET_BY_ATTAINMENT pays target incentive by the window's attainment: "
                        + "leave pricing out",
                "p.yaml: plan X: components[0].rate_table: amounts: a payout curve's bands are multipliers of target "
                        + "incentive; amount tables pay on value (RATE_ON_VALUE): leave amounts out");
    }

    @Test
    void anAmountTableNeedsAnAmountAndNoRateOnEveryBand() throws Exception {
        assertThat(problemsOf("""
                    rate_table:
                      basis: AMOUNT
                      amounts: WHOLE
                      bands: [{from: 0, to: 10000, amount: 100, rate: 0.01}, {from: 10000, to: 20000}]
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate_table.bands[0].rate: the table pays amounts (amounts: WHOLE): "
                        + "give this band an amount, not a rate",
                "p.yaml: plan X: components[0].rate_table.bands[1].amount: is required: the table pays amounts "
                        + "(amounts: WHOLE)");
    }

    @Test
    void anAmountIsRefusedInATableOfRatesAndARateIsStillRequiredThere() throws Exception {
        assertThat(problemsOf("""
                    rate_table: {basis: AMOUNT, bands: [{from: 0, to: 10000, amount: 100}, {from: 10000, rate: 0.02}]}
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate_table.bands[0].amount: only an amount table pays amounts: set "
                        + "amounts: WHOLE or INTERPOLATED on the rate table, or give this band a rate",
                "p.yaml: plan X: components[0].rate_table.bands[0].rate: is required");
    }

    @Test
    void aNegativeAmountAndAnUnknownPricingAreRefusedAtTheirFields() throws Exception {
        assertThat(problemsOf("""
                    rate_table: {basis: AMOUNT, pricing: PER_DEAL, amounts: WHOLE, bands: [{from: 0, amount: -100}]}
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate_table.bands[0].amount: must not be negative, was -100",
                "p.yaml: plan X: components[0].rate_table.pricing: unknown value 'PER_DEAL' (known: CUMULATIVE, "
                        + "PER_TRANSACTION)");
    }

    @Test
    void interpolationNeedsAMarginalTableWithABoundedTop() throws Exception {
        assertThat(problemsOf("""
                    rate_table:
                      basis: AMOUNT
                      policy: RETROACTIVE
                      amounts: INTERPOLATED
                      bands: [{from: 0, to: 10000, amount: 100}, {from: 10000, amount: 300}]
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate_table: amounts: INTERPOLATED spreads every band's amount through "
                        + "the band, which needs policy: MARGINAL; RETROACTIVE pays the band reached only (use "
                        + "amounts: WHOLE)",
                "p.yaml: plan X: components[0].rate_table: bands[1].to: is required: an interpolated amount table "
                        + "spreads each band's amount through its width, and an open band has none");
    }

    @Test
    void aWholeAmountCannotPayOnlyTheCreditAboveAThreshold() throws Exception {
        assertThat(problemsOf("""
                    rate_table:
                      basis: AMOUNT
                      amounts: WHOLE
                      threshold: {amount: 5000, semantics: PAY_ABOVE_ONLY}
                      bands: [{from: 0, to: 10000, amount: 100}, {from: 10000, amount: 300}]
                """)).containsExactly("p.yaml: plan X: components[0].rate_table: threshold.semantics: PAY_ABOVE_ONLY "
                + "pays only the credit above the threshold, which a whole band amount cannot split: use "
                + "UNLOCK_FROM_FIRST_DOLLAR or amounts: INTERPOLATED");
    }
}
