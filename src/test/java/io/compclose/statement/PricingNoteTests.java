package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanLoader;
import io.compclose.rules.Conditions;

/** "How this was calculated" for per-transaction pricing and amount tables, written from the plan file. */
class PricingNoteTests {

    @TempDir
    Path plans;

    private String noteOf(String table) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), """
                plan: NOTE
                effective_from: 2026-01-01
                version: 1
                currency: USD
                components:
                  - metric: BOOKINGS_ACV
                    id: bookings
                """ + table);
        Plan plan = new PlanLoader(Conditions::problem).load(plans).plans().get(0);
        return ComponentNote.of(plan, plan.components().get(0));
    }

    @Test
    void aPerTransactionTableSaysEveryTransactionStartsAtTheFirstBand() throws Exception {
        assertThat(noteOf("""
                    rate_table:
                      basis: AMOUNT
                      pricing: PER_TRANSACTION
                      threshold: {amount: 500, semantics: UNLOCK_FROM_FIRST_DOLLAR}
                      bands: [{from: 0, to: 1000, rate: 0.01}, {from: 1000, to: 3000, rate: 0.02}]
                """)).isEqualTo("Measures credited ACV over the year to date; marginal rates (each band's rate applies "
                + "only to the credit inside it): 0–1,000 at 1 %, 1,000–3,000 at 2 %, nothing above; per transaction: "
                + "each transaction's credit runs through the table on its own, from the first band whatever came "
                + "before it, and the threshold applies to each transaction; threshold 500 USD: nothing is paid below "
                + "it, then all credit earns from the first dollar.");
    }

    @Test
    void anInterpolatedAmountTableSaysEachBandPaysProRata() throws Exception {
        assertThat(noteOf("""
                    rate_table:
                      basis: AMOUNT
                      amounts: INTERPOLATED
                      bands: [{from: 0, to: 10000, amount: 100}, {from: 10000, to: 20000, amount: 300}]
                """)).isEqualTo("Measures credited ACV over the year to date; interpolated amount table (each band "
                + "pays its amount pro rata to the part of its width the credit covers; the amounts add up): "
                + "0–10,000 pays 100 USD, 10,000–20,000 pays 300 USD, nothing above.");
    }

    @Test
    void wholeAmountTablesSayWhichBandsPay() throws Exception {
        assertThat(noteOf("""
                    rate_table: {basis: AMOUNT, amounts: WHOLE, bands: [{from: 0, to: 10000, amount: 100}, {from: 10000, amount: 300}]}
                """)).isEqualTo("Measures credited ACV over the year to date; amount table (each band the credit "
                + "reaches pays its whole amount; the amounts add up): 0–10,000 pays 100 USD, 10,000+ pays 300 USD.");
        assertThat(noteOf("""
                    rate_table:
                      basis: AMOUNT
                      policy: RETROACTIVE
                      pricing: PER_TRANSACTION
                      amounts: WHOLE
                      bands: [{from: 0, to: 10000, amount: 100}, {from: 10000, amount: 300}]
                """)).isEqualTo("Measures credited ACV over the year to date; amount table (the highest band the "
                + "credit reaches pays its amount, no other): 0–10,000 pays 100 USD, 10,000+ pays 300 USD; per "
                + "transaction: each transaction's credit runs through the table on its own, from the first band "
                + "whatever came before it.");
    }
}
