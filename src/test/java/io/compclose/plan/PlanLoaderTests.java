package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTests {

    @TempDir
    Path plans;

    private final PlanLoader loader = new PlanLoader();

    @Test
    void readsVersionedPlansExactly() throws Exception {
        Files.writeString(plans.resolve("ae.yaml"), """
                plan: AE-2026
                version: 1
                name: Account Executive
                effective_from: 2026-01-01
                effective_to: 2026-12-31
                currency: USD
                components:
                  - {id: bookings, metric: BOOKINGS_ACV, pay: FLAT_RATE, rate: 0.08}
                ---
                plan: AE-2026
                version: 2
                effective_from: 2026-10-16
                currency: USD
                components:
                  - {id: bookings, metric: bookings_acv, pay: flat_rate, rate: 0.1}
                """);
        PlanCatalog catalog = loader.load(plans);
        // the rate is read as text, so 0.1 is exactly one tenth, not a binary double
        assertThat(catalog.effective("AE-2026", LocalDate.of(2026, 10, 15)).orElseThrow().components().get(0).rate())
                .isEqualByComparingTo("0.08");
        Plan v2 = catalog.effective("AE-2026", LocalDate.of(2026, 10, 16)).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.components().get(0).rate().toPlainString()).isEqualTo("0.1");
        assertThat(v2.name()).isEqualTo("AE-2026");
        assertThat(catalog.effective("AE-2026", LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(catalog.knows("AE-2026")).isTrue();
    }

    @Test
    void namesTheFilePlanAndFieldOfEveryProblem() throws Exception {
        Files.writeString(plans.resolve("bad.yaml"), """
                plan: AM-2026
                version: two
                effective_from: 2026-13-01
                currency: usd-ish
                bonus: 5
                components:
                  - {id: bookings, metric: USAGE, pay: FLAT_RATE, rate: 1.5}
                """);
        assertThatThrownBy(() -> loader.load(plans))
                .isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems()).containsExactly(
                        "bad.yaml: plan AM-2026: bonus: unknown field (supported here: components, currency, "
                                + "effective_from, effective_to, name, plan, version)",
                        "bad.yaml: plan AM-2026: version: must be a whole number, was 'two'",
                        "bad.yaml: plan AM-2026: effective_from: must be a date YYYY-MM-DD, was '2026-13-01'",
                        "bad.yaml: plan AM-2026: currency: must be an ISO 4217 currency code, was 'usd-ish'",
                        "bad.yaml: plan AM-2026: components[0].metric: unknown value 'USAGE' (supported: BOOKINGS_ACV)",
                        "bad.yaml: plan AM-2026: components[0].rate: must be between 0 and 1 (0.08 = 8 %), was 1.5"));
    }

    @Test
    void rejectsDuplicateVersionsAndUnreadableYaml() throws Exception {
        String plan = "plan: X\nversion: 1\neffective_from: 2026-01-01\ncurrency: USD\n"
                + "components: [{id: c, metric: BOOKINGS_ACV, pay: FLAT_RATE, rate: 0.05}]\n";
        Files.writeString(plans.resolve("a.yaml"), plan);
        Files.writeString(plans.resolve("b.yml"), plan);
        Files.writeString(plans.resolve("c.yaml"), "plan: [unclosed\n");
        assertThatThrownBy(() -> loader.load(plans)).isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("c.yaml: not readable as YAML"))
                        .contains("b.yml: plan X: version 1 is defined more than once"));
    }

    @Test
    void anEmptyFolderHasNoPlans() {
        assertThatThrownBy(() -> loader.load(plans)).hasMessageEndingWith(": no plan files (*.yaml)");
    }
}
