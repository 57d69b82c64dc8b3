package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.Plan;
import io.compclose.plan.PlanLoader;
import io.compclose.rules.Conditions;

/** "How this was calculated" for SPIFF programs: what each deal earns, the window and the cap, in one sentence. */
class SpiffNoteTests {

    @TempDir
    Path plans;

    private Plan plan() throws Exception {
        Files.writeString(plans.resolve("ae.yaml"), """
                plan: AE
                version: 3
                effective_from: 2026-01-01
                effective_to: 2026-12-31
                currency: USD
                components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
                spiffs:
                  - {id: nov-backup, from: 2026-11-01, to: 2026-11-30, when: "product == 'BACKUP'", amount_per_deal: 500}
                  - {id: nov-acv, from: 2026-11-01, to: 2026-11-30, rate: 0.02, cap_per_year: 5000}
                  - id: q4-size
                    from: 2026-10-01
                    to: 2026-12-31
                    tiers: [{from: 0, to: 50000, amount: 500}, {from: 50000, to: 100000, amount: 1000},
                            {from: 100000, amount: 2500}]
                """);
        return new PlanLoader(Conditions::problem).load(plans).plans().get(0);
    }

    @Test
    void eachKindOfSpiffIsExplainedWithItsWindowAndCap() throws Exception {
        Plan plan = plan();
        assertThat(plan.spiffs()).extracting(s -> ComponentNote.ofSpiff(plan, s)).containsExactly(
                "500.00 USD per qualifying deal where product == 'BACKUP', deals booked 2026-11-01 to 2026-11-30.",
                "2 % of each qualifying deal's credited ACV, deals booked 2026-11-01 to 2026-11-30, at most 5,000.00 "
                        + "USD a year (the deal that reaches it is paid what is left).",
                "Each qualifying deal by its ACV: 0–50,000 pays 500.00, 50,000–100,000 pays 1,000.00, 100,000+ pays "
                        + "2,500.00, deals booked 2026-10-01 to 2026-12-31.");
    }
}
