package io.compclose.plan;

import io.compclose.core.plan.Band;
import io.compclose.core.plan.CreditMultiplier;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.PlanValidationException;
import io.compclose.core.plan.Threshold;
import io.compclose.core.plan.ThresholdSemantics;
import io.compclose.core.plan.TierPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.rules.Conditions;

class PlanLoaderTests {

    @TempDir
    Path plans;

    private final PlanLoader loader = new PlanLoader(Conditions::problem);

    private List<String> problemsOf(String yaml) throws Exception {
        Files.writeString(plans.resolve("p.yaml"), yaml);
        try {
            loader.load(plans);
            return List.of();
        } catch (PlanValidationException e) {
            return e.problems();
        }
    }

    private static final String HEAD = """
            plan: X
            version: 1
            effective_from: 2026-01-01
            currency: USD
            """;

    @Test
    void readsEveryMechanicOfThePlansMdDesign() throws Exception {
        Files.copy(Path.of("src/test/resources/plans/ae-full.yaml"), plans.resolve("ae.yaml"));
        Plan plan = loader.load(plans).effective("AE-2026", LocalDate.of(2026, 10, 1)).orElseThrow();

        assertThat(plan.version()).isEqualTo(3);
        assertThat(plan.onTargetEarnings()).isEqualByComparingTo("100000"); // 60,000 base + 40,000 TI
        assertThat(plan.measurement()).isEqualTo(Measurement.YEAR_TO_DATE);
        PlanComponent bookings = plan.components().get(0);
        assertThat(bookings.weight()).isEqualByComparingTo("0.70");
        assertThat(bookings.when()).isEqualTo("type != 'RENEWAL'");
        assertThat(bookings.quota()).isEqualByComparingTo("500000");
        assertThat(bookings.multipliers()).extracting(CreditMultiplier::factor, CreditMultiplier::bundleIncludes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("1.25"), null),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("1.5"), null),
                        org.assertj.core.groups.Tuple.tuple(null, "BACKUP"));
        assertThat(bookings.rateTable().policy()).isEqualTo(TierPolicy.MARGINAL);
        assertThat(bookings.rateTable().bands()).extracting(Band::rate).extracting(BigDecimal::toPlainString)
                .containsExactly("0.04", "0.08", "0.12");
        assertThat(bookings.rateTable().threshold())
                .isEqualTo(new Threshold(new BigDecimal("0.25"), ThresholdSemantics.PAY_ABOVE_ONLY));
        assertThat(bookings.perDealCap()).isEqualByComparingTo("15000");
        PlanComponent activities = plan.components().get(1);
        assertThat(activities.metric()).isEqualTo(new Metric(Metric.Kind.ACTIVITY_COUNT, null));
        assertThat(activities.pay()).isEqualTo(PayMethod.TARGET_BY_ATTAINMENT);
        assertThat(activities.rateTable().bands().get(1).to()).isEqualByComparingTo("1.2");

        assertThat(plan.caps()).isEqualTo(new PlanTerms.Caps(null, null, new BigDecimal("2.0")));
        assertThat(plan.draw()).isEqualTo(new PlanTerms.Draw(PlanTerms.Draw.Kind.RECOVERABLE, new BigDecimal("2000"), 3));
        assertThat(plan.holdback().share()).isEqualByComparingTo("0.10");
        assertThat(plan.clawback()).isEqualTo(new PlanTerms.Clawback(180,
                PlanTerms.Clawback.Method.PRO_RATA_UNUSED_TERM));
        assertThat(plan.spiffs()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("q4-backup");
            assertThat(s.to()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(s.amountPerDeal()).isEqualByComparingTo("500");
        });
        assertThat(plan.bonuses().get(0).metric().kind()).isEqualTo(Metric.Kind.USAGE_GROWTH);
        assertThat(plan.teamPool().split()).isEqualTo(PlanTerms.TeamPool.Split.EQUAL);
        assertThat(plan.teamPool().target()).isEqualByComparingTo("1100000");
        assertThat(plan.mbos()).containsExactly(new PlanTerms.Mbo("QBR_COVERAGE", new BigDecimal("0.10")));
    }

    @Test
    void theSampleRolePlansAreValid() {
        PlanCatalog catalog = loader.load(Path.of("jobs/samples/plans"));
        assertThat(catalog.plans()).extracting(Plan::id).containsExactlyInAnyOrder("AE-2026", "AM-2026", "CSM-2026",
                "RN-2026", "SDR-2026", "MGR-2026", "KAM-2026");
        assertThat(catalog.warnings()).isEmpty();
        // the AE plan's rate at quota is TI / quota: 40,000 / 500,000 = 8 %
        Plan ae = catalog.effective("AE-2026", LocalDate.of(2026, 6, 1)).orElseThrow();
        assertThat(ae.components().get(0).rateTable().bandOf(BigDecimal.valueOf(0.75)).rate())
                .isEqualByComparingTo(ae.targetIncentive().divide(ae.components().get(0).quota()));
    }

    @Test
    void readsVersionsAndAFlatRateExactly() throws Exception {
        Files.writeString(plans.resolve("ae.yaml"), HEAD + "components: [{id: b, metric: BOOKINGS_ACV, rate: 0.08}]\n"
                + "---\nplan: X\nversion: 2\neffective_from: 2026-10-16\ncurrency: USD\n"
                + "components: [{id: b, metric: bookings_acv, pay: rate_on_value, rate: 0.1}]\n");
        PlanCatalog catalog = loader.load(plans);
        assertThat(catalog.effective("X", LocalDate.of(2026, 10, 15)).orElseThrow().components().get(0).flatRate())
                .isEqualByComparingTo("0.08");
        // read as text: 0.1 is exactly one tenth, not a binary double
        assertThat(catalog.effective("X", LocalDate.of(2026, 10, 16)).orElseThrow().components().get(0).flatRate()
                .toPlainString()).isEqualTo("0.1");
        assertThat(catalog.effective("X", LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Test
    void bandGapsAndOverlapsAreNamed() throws Exception {
        assertThat(problemsOf(HEAD + """
                components:
                  - id: b
                    metric: BOOKINGS_ACV
                    quota: 100
                    rate_table: {bands: [{from: 0, to: 0.5, rate: 0.04}, {from: 0.6, to: 1.0, rate: 0.08},
                                         {from: 0.9, rate: 0.12}]}
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate_table: bands[1].from: gap between 0.5 and 0.6",
                "p.yaml: plan X: components[0].rate_table: bands[2].from: overlaps the previous band, which ends at 1.0");
    }

    @Test
    void weightsMustSumToOneHundredPercent() throws Exception {
        assertThat(problemsOf(HEAD + """
                target_incentive: 10000
                components:
                  - {id: a, weight: 0.7, metric: BOOKINGS_ACV, rate: 0.05}
                  - {id: b, weight: 0.2, metric: ACTIVITY_COUNT, quota: 10, pay: TARGET_BY_ATTAINMENT, rate: 1}
                """)).containsExactly("p.yaml: plan X: components: weights sum to 0.9, they must sum to 1 (100 %)");
    }

    @Test
    void unknownMetricsNegativeCapsAndBadConditionsAreNamedInFieldOrder() throws Exception {
        assertThat(problemsOf(HEAD + """
                target_incentive: 10000
                components:
                  - {id: a, metric: BOOKINGS_ARR, rate: 0.05, when: "type == "}
                caps: {per_period: -100}
                mbo: [{objective: QBR, weight: 1.5}]
                """)).containsExactly(
                "p.yaml: plan X: caps.per_period: must not be negative, was -100",
                "p.yaml: plan X: components[0].metric: unknown metric 'BOOKINGS_ARR' (known: BOOKINGS_ACV, "
                        + "BOOKINGS_TCV, BOOKINGS_FIRST_YEAR, NEW_LOGO_COUNT, RENEWAL_ACV, USAGE_REVENUE, "
                        + "USAGE_GROWTH, ACTIVITY_COUNT, SOURCED_ACV, KPI:<name>, MBO:<name>)",
                "p.yaml: plan X: components[0].when: not a valid condition: EL1042E: Problem parsing right operand",
                "p.yaml: plan X: mbo[0].weight: must be between 0 and 1, was 1.5");
    }

    @Test
    void payingARateOnACountOrByAttainmentWithoutTargetIsRefused() throws Exception {
        assertThat(problemsOf(HEAD + """
                components:
                  - {id: logos, weight: 0.5, metric: NEW_LOGO_COUNT, quota: 12, rate: 0.05}
                  - {id: nrr, weight: 0.5, metric: "KPI:NRR", quota: 1.1, pay: TARGET_BY_ATTAINMENT, rate: 1}
                """)).containsExactly(
                "p.yaml: plan X: components[0].pay: RATE_ON_VALUE needs a money metric; NEW_LOGO_COUNT is not money, "
                        + "use TARGET_BY_ATTAINMENT",
                "p.yaml: plan X: target_incentive: is required: component nrr pays by attainment");
    }

    @Test
    void moreThanThreeComponentsIsAWarningNotAnError() throws Exception {
        Files.writeString(plans.resolve("p.yaml"), HEAD + """
                components:
                  - {id: a, weight: 0.25, metric: BOOKINGS_ACV, rate: 0.01}
                  - {id: b, weight: 0.25, metric: BOOKINGS_TCV, rate: 0.01}
                  - {id: c, weight: 0.25, metric: RENEWAL_ACV, rate: 0.01}
                  - {id: d, weight: 0.25, metric: SOURCED_ACV, rate: 0.01}
                """);
        PlanCatalog catalog = loader.load(plans);
        assertThat(catalog.warnings()).containsExactly(
                "p.yaml: plan X: components: 4 components; good plans keep to 3 or fewer");
    }

    @Test
    void unknownFieldsAndAThresholdOffTheTablesBasisAreNamed() throws Exception {
        assertThat(problemsOf(HEAD + """
                bonus: 5
                components:
                  - id: a
                    metric: BOOKINGS_ACV
                    quota: 100
                    rate_table: {bands: [{from: 0, rate: 0.1}], threshold: {amount: 50, semantics: PAY_ABOVE_ONLY}}
                """)).containsExactly(
                "p.yaml: plan X: bonus: unknown field 'bonus'; did you mean bonuses?",
                "p.yaml: plan X: components[0].rate_table.threshold.amount: the threshold must be on the table's basis "
                        + "(attainment)",
                "p.yaml: plan X: components[0].rate_table.threshold.attainment: is required");
    }

    @Test
    void rejectsDuplicateVersionsAndUnreadableYaml() throws Exception {
        String plan = HEAD + "components: [{id: c, metric: BOOKINGS_ACV, rate: 0.05}]\n";
        Files.writeString(plans.resolve("a.yaml"), plan);
        Files.writeString(plans.resolve("b.yml"), plan);
        Files.writeString(plans.resolve("c.yaml"), "plan: [unclosed\n");
        assertThatThrownBy(() -> loader.load(plans)).isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("c.yaml: not readable as YAML"))
                        .contains("b.yml: plan X: version 1 is defined more than once"));
    }

    @Test
    void aPlanFileThatIsNotUtf8SaysSo() throws Exception {
        Files.write(plans.resolve("a.yaml"), (HEAD + "name: M\u00fcller\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> loader.load(plans)).isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems())
                        .containsExactly("a.yaml: not valid UTF-8 (save the file as UTF-8)"));
    }

    @Test
    void aRateAboveOneIsRefusedAsATypoUnlessThePlanAllowsIt() throws Exception {
        // rate: 9 for 0.09 paid 53 times over; a band's rate of 12 for 0.12 too
        assertThat(problemsOf(HEAD + """
                components:
                  - {id: a, weight: 0.5, metric: BOOKINGS_ACV, rate: 9}
                  - {id: b, weight: 0.5, metric: BOOKINGS_ACV, quota: 100000,
                     rate_table: {bands: [{from: 0, to: 1.0, rate: 0.08}, {from: 1.0, rate: 12}]}}
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate: 9 is above 1 (100 %): rates are fractions (0.09 is 9 %); "
                        + "if it is meant, set allow_rate_above_one: true on the plan",
                "p.yaml: plan X: components[1].rate_table.bands[1].rate: 12 is above 1 (100 %): rates are fractions "
                        + "(0.09 is 9 %); if it is meant, set allow_rate_above_one: true on the plan");
        // exactly 1 (100 %) needs no opt-in
        assertThat(problemsOf(HEAD + "components: [{id: a, metric: BOOKINGS_ACV, rate: 1.00}]\n")).isEmpty();

        Files.writeString(plans.resolve("p.yaml"), HEAD + """
                allow_rate_above_one: true
                components: [{id: a, metric: BOOKINGS_ACV, rate: 9}]
                """);
        assertThat(loader.load(plans).effective("X", LocalDate.of(2026, 10, 1)).orElseThrow().components().get(0)
                .rateTable().bands().get(0).rate()).isEqualByComparingTo("9");
        assertThat(problemsOf(HEAD + "allow_rate_above_one: yes\ncomponents: [{id: a, metric: BOOKINGS_ACV, rate: 9}]\n"))
                .contains("p.yaml: plan X: allow_rate_above_one: must be true or false, was 'yes'");
        // a number is not read as a flag: 3 is no more "true" than yes is
        assertThat(problemsOf(HEAD + "allow_rate_above_one: 3\ncomponents: [{id: a, metric: BOOKINGS_ACV, rate: 9}]\n"))
                .contains("p.yaml: plan X: allow_rate_above_one: must be true or false, was '3'");
    }

    @Test
    void aNumberIsNotReadAsADate() throws Exception {
        // 30000 would otherwise be the 30,000th day after 1970-01-01, in 2052
        assertThat(problemsOf(HEAD.replace("effective_from: 2026-01-01", "effective_from: 2026-01-01\neffective_to: 30000")
                + "components: [{id: a, metric: BOOKINGS_ACV, rate: 0.1}]\n"))
                .contains("p.yaml: plan X: effective_to: must be a date YYYY-MM-DD, was '30000'");
    }

    @Test
    void aMultiplierAboveFiveIsRefusedUnlessThePlanRaisesTheLimit() throws Exception {
        // credit multipliers (factor, extra) and the payout curve of attainment pay are multipliers
        String plan = """
                target_incentive: 40000
                components:
                  - id: a
                    weight: 0.5
                    metric: BOOKINGS_ACV
                    rate: 0.08
                    credit_multipliers: [{when: "type == 'UPSELL'", factor: 50}, {bundle_includes: BACKUP, extra: 6}]
                  - {id: b, weight: 0.5, metric: NEW_LOGO_COUNT, quota: 10, pay: TARGET_BY_ATTAINMENT,
                     rate_table: {bands: [{from: 0, to: 1.0, rate: 1.0}, {from: 1.0, rate: 15}]}}
                """;
        String optIn = "; if it is meant, set allow_multiplier_above: <the largest multiplier> on the plan";
        assertThat(problemsOf(HEAD + plan)).containsExactly(
                "p.yaml: plan X: components[0].credit_multipliers[0].factor: 50 is a multiplier above 5" + optIn,
                "p.yaml: plan X: components[0].credit_multipliers[1].extra: 6 is a multiplier above 5" + optIn,
                "p.yaml: plan X: components[1].rate_table.bands[1].rate: 15 is a multiplier above 5" + optIn);
        // a curve of 1.0 / 1.5 (150 % of target) is no rate above one: attainment pay takes multipliers
        assertThat(problemsOf(HEAD + plan.replace("factor: 50", "factor: 5").replace("extra: 6", "extra: 1.0")
                .replace("rate: 15", "rate: 1.5"))).isEmpty();

        // raised to 50, every one of them is read; above the raised limit, refused again
        assertThat(problemsOf(HEAD + "allow_multiplier_above: 50\n" + plan)).isEmpty();
        assertThat(problemsOf(HEAD + "allow_multiplier_above: 10\n" + plan)).containsExactly(
                "p.yaml: plan X: components[0].credit_multipliers[0].factor: 50 is a multiplier above 10" + optIn,
                "p.yaml: plan X: components[1].rate_table.bands[1].rate: 15 is a multiplier above 10" + optIn);
        assertThat(problemsOf(HEAD + "allow_multiplier_above: 2\n" + plan.replace("factor: 50", "factor: 1.5")
                .replace("extra: 6", "extra: 1").replace("rate: 15", "rate: 1.5"))).containsExactly(
                "p.yaml: plan X: allow_multiplier_above: must be above 5 (the limit without it), was 2");
    }

    @Test
    void aQuotaOfZeroOrBeyondWhatTheColumnsHoldIsRefused() throws Exception {
        assertThat(problemsOf(HEAD + """
                components:
                  - {id: a, weight: 0.25, metric: BOOKINGS_ACV, quota: 0, rate: 0.08}
                  - {id: b, weight: 0.25, metric: BOOKINGS_ACV, quota: 1e400, rate: 0.08}
                  - {id: c, weight: 0.25, metric: BOOKINGS_ACV, quota: 1234567890123456, rate: 0.08}
                  - {id: d, weight: 0.25, metric: BOOKINGS_ACV, rate: 0.08,
                     quota_by_period: {2026-Q1: 0.0000001, 2026-Q2: Infinity, 2026-Q3: 999999999999999.999999}}
                """)).containsExactly(
                "p.yaml: plan X: components[0].quota: must be above zero, was 0 (leave quota out for a component "
                        + "without one)",
                "p.yaml: plan X: components[1].quota: must have at most 15 digits before the decimal point and 6 "
                        + "after, was 1E+400",
                "p.yaml: plan X: components[2].quota: must have at most 15 digits before the decimal point and 6 "
                        + "after, was 1234567890123456",
                "p.yaml: plan X: components[3].quota_by_period.2026-Q1: must have at most 15 digits before the "
                        + "decimal point and 6 after, was 1E-7",
                "p.yaml: plan X: components[3].quota_by_period.2026-Q2: must be a number, was 'Infinity'");
    }

    @Test
    void anEmptyListOfComponentsIsRefusedLikeNone() throws Exception {
        assertThat(problemsOf(HEAD + "components: []\n")).containsExactly(
                "p.yaml: plan X: components: at least one component is required, the list is empty");
        assertThat(problemsOf(HEAD)).containsExactly("p.yaml: plan X: components: at least one component is required");
    }

    @Test
    void anEmptyFolderHasNoPlans() {
        assertThatThrownBy(() -> loader.load(plans)).hasMessageEndingWith(": no plan files (*.yaml)");
    }

    @Test
    void anUnknownFieldNamesTheNearestKnownOne() throws Exception {
        assertThat(problemsOf(HEAD + """
                components:
                  - {id: a, metric: BOOKINGS_ACV, quota: 100, rate_tabel: {bands: [{from: 0, rate: 0.1}]}}
                """)).containsExactly(
                "p.yaml: plan X: components[0].rate_tabel: unknown field 'rate_tabel'; did you mean rate_table?",
                "p.yaml: plan X: components[0].rate_table: is required (or a flat rate)");
    }

    @Test
    void everyProblemOfAPlanIsReportedTogetherAtItsFieldPath() throws Exception {
        assertThat(problemsOf("""
                plan: X
                version: 1.5
                effective_from: 2026-02-30
                currency: usd
                measurement: weekly
                components:
                  - id: a
                    metric: BOOKINGS_ACV
                    quota: lots
                    pay: [RATE_ON_VALUE]
                    rate_table: {policy: MARGINAL, bands: [{from: 0, to: 1, rate: 0.04}, {from: 1, rate: abc}]}
                draw: {kind: RECOVERABLE, per_period: 2000, periods: 0}
                holdback: {share: 0.1}
                """)).containsExactly(
                "p.yaml: plan X: components[0].pay: must be a single value",
                "p.yaml: plan X: components[0].quota: must be a number, was 'lots'",
                "p.yaml: plan X: components[0].rate_table.bands[1].rate: must be a number, was 'abc'",
                "p.yaml: plan X: currency: must be an upper-case ISO 4217 currency code, was 'usd'",
                "p.yaml: plan X: draw.periods: must be 1 or more, was 0",
                "p.yaml: plan X: effective_from: must be a date YYYY-MM-DD, was '2026-02-30'",
                "p.yaml: plan X: holdback.release: is required",
                "p.yaml: plan X: measurement: unknown value 'weekly' (known: MONTH, QUARTER, YEAR_TO_DATE)",
                "p.yaml: plan X: version: must be a whole number, was '1.5'");
    }

    @Test
    void aBillionLaughsPlanIsRefusedNamingTheFile() throws Exception {
        assertThat(problemsOf(HEAD + CreditingRulesFileTests.billionLaughs("components"))).singleElement().asString()
                .startsWith("p.yaml: refused: its anchors and aliases expand beyond what a configuration file needs");
    }
}
