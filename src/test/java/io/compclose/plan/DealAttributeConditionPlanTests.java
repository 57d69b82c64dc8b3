package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.plan.Plan;
import io.compclose.rules.Conditions;
import io.compclose.support.TestInbox;

/**
 * Conditions on a booking's attributes as plan files write them, and what is refused when the plan is read:
 * a misspelt attribute, one ordered without saying what a booking without it does, a figure outside its
 * range, an attribute on a component that reads no booking. Each refusal names the file, the plan and the field.
 */
class DealAttributeConditionPlanTests {

    @TempDir
    Path plans;

    private static final String HEAD = """
            plan: AE
            version: 3
            effective_from: 2026-01-01
            currency: USD
            """;

    private List<String> problemsOf(String yaml) {
        return new PlanFileFixture(plans).problemsOf(HEAD + yaml);
    }

    @Test
    void readsAMarginConditionAndADiscountMultiplier() {
        Plan plan = new PlanFileFixture(plans).load(TestInbox.AE_10_MARGIN_PLAN);

        assertThat(plan.components().get(0).when()).isEqualTo("grossMarginPct != null and grossMarginPct >= 20");
        assertThat(plan.components().get(0).multipliers().get(0).when())
                .isEqualTo("discountPct != null and discountPct > 30");
    }

    @Test
    void aMisspeltAttributeIsRefusedNamingFilePlanAndField() {
        assertThat(problemsOf("""
                components:
                  - {id: bookings, metric: BOOKINGS_ACV, rate: 0.1, when: "grossMargin != null and grossMargin >= 20"}
                """)).containsExactly("p.yaml: plan AE: components[0].when: unknown property 'grossMargin': did you "
                + "mean grossMarginPct? (jobs/plans.md, Conditions, lists what a condition reads)");
    }

    @Test
    void anAttributeOrderedWithoutANullTestIsRefused() {
        assertThat(problemsOf("""
                components:
                  - id: bookings
                    metric: BOOKINGS_ACV
                    rate: 0.1
                    credit_multipliers: [{when: "discountPct > 30", factor: 0.5}]
                """)).containsExactly("p.yaml: plan AE: components[0].credit_multipliers[0].when: compares "
                + "discountPct, which a booking may not carry: say what a booking without it does, e.g. \"discountPct "
                + "!= null and discountPct > 30\" (nothing without it) or \"discountPct == null or discountPct > 30\"");
    }

    @Test
    void aFigureOutsideTheAttributesRangeIsRefused() {
        assertThat(problemsOf("""
                components:
                  - {id: bookings, metric: BOOKINGS_ACV, rate: 0.1}
                spiffs:
                  - {id: short-terms, from: 2026-10-01, to: 2026-12-31, amount_per_deal: 200,
                     when: "paymentTermsDays != null and paymentTermsDays <= 400"}
                """)).containsExactly("p.yaml: plan AE: spiffs[0].when: compares paymentTermsDays with 400, which "
                + "it cannot be: it is from 0 to 365 days");
    }

    @Test
    void anAttributeOnAComponentThatReadsNoBookingIsRefused() {
        assertThat(problemsOf("""
                components:
                  - {id: meetings, metric: ACTIVITY_COUNT, pay: PER_UNIT, rate_table: {bands: [{from: 0, rate: 50}]},
                     when: "discountPct == null"}
                """)).containsExactly("p.yaml: plan AE: components[0].when: discountPct is a booking's; a condition "
                + "on ACTIVITY_COUNT reads the activity's type only");
    }

    @Test
    void aCreditingRuleWithAMisspeltAttributeIsRefusedNamingFileAndRule() throws Exception {
        Files.writeString(plans.resolve("crediting.yaml"), """
                rules:
                  - {id: owner, kind: PRIMARY}
                  - {id: sdr, kind: SOURCED, when: "discount_pct == null"}
                """);

        assertThatThrownBy(() -> new CreditingRulesFile(Conditions::problem).read(plans))
                .hasMessageContaining("crediting.yaml: rules[1].when: unknown property 'discount_pct': did you mean "
                        + "discountPct?");
    }
}
