package io.compclose.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.expression.EvaluationException;

import io.compclose.core.crediting.BookingFacts;
import io.compclose.plan.CreditingRulesFile;
import io.compclose.core.input.BadInputException;
import io.compclose.plan.PlanLoader;
import io.compclose.core.plan.PlanValidationException;

/**
 * Attempts to make a crediting or plan condition run code, touch files or reach beans. Each is
 * refused when the file is read, naming the file and the rule; evaluated anyway, it fails or does
 * nothing. The marker file an attempt would create is never created.
 */
class ConditionsSandboxTests {

    @TempDir
    Path work;

    private final BookingFacts booking = new BookingFacts("K1", LocalDate.of(2026, 10, 5), "A1", "UPSELL", "BACKUP",
            new BigDecimal("12000"), "USD", "R001", null, null, 12);

    @ParameterizedTest
    @ValueSource(strings = {
            "T(java.lang.Runtime).getRuntime().exec('touch MARKER') != null",
            "T(java.nio.file.Files).createFile(T(java.nio.file.Path).of('MARKER')) != null",
            "new java.io.File('MARKER').createNewFile()",
            "new java.io.FileOutputStream('MARKER') != null",
            "new java.io.File('/etc/passwd').exists()",
            "@dataSource != null",
            "@jobOperator.toString() != ''",
            "#this.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch MARKER') != null",
            "type.getClass().forName('java.lang.ProcessBuilder') != null",
            "type.concat('x') == 'UPSELLx'",
            "#root.type == 'UPSELL'",
            "(type = 'NEW') == 'NEW'",
            "termMonths++ > 0",
            "type['class'] != null",
            "{'UPSELL'}.?[#this == 'UPSELL'].size() > 0",
            "type instanceof T(String)"})
    void anAttemptIsRefusedWhenTheFileIsReadAndNeverRuns(String template) {
        Path marker = work.resolve("marker");
        String condition = template.replace("MARKER", marker.toString());

        // when the condition is read with the plans and crediting rules
        assertThat(Conditions.problem(condition)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("not allowed in a condition: ")
                .endsWith("a condition compares the transaction's properties with literals"));

        // and when it is evaluated anyway, it fails or evaluates to something harmless
        try {
            Conditions.holds(condition, booking);
        } catch (EvaluationException | IllegalStateException refused) {
            // refused by the read-only evaluation context
        }
        assertThat(marker).doesNotExist();
        assertThat(booking.type()).isEqualTo("UPSELL");
        assertThat(booking.termMonths()).isEqualTo(12);
    }

    @Test
    void eachRefusalSaysWhatWasFound() {
        assertThat(Conditions.problem("T(java.lang.Runtime).getRuntime().exec('id') != null")).hasValue(
                "not allowed in a condition: a type, T(...) (T(java.lang.Runtime)); a condition compares the "
                        + "transaction's properties with literals");
        assertThat(Conditions.problem("new java.io.File('/etc/passwd').exists()")).hasValueSatisfying(
                p -> assertThat(p).startsWith("not allowed in a condition: a constructor, new ..."));
        assertThat(Conditions.problem("@dataSource != null")).hasValueSatisfying(
                p -> assertThat(p).startsWith("not allowed in a condition: a bean, @... (@dataSource)"));
        assertThat(Conditions.problem("type.concat('x') == 'UPSELLx'")).hasValueSatisfying(
                p -> assertThat(p).startsWith("not allowed in a condition: a method call (concat('x'))"));
        assertThat(Conditions.problem("(type = 'NEW') == 'NEW'")).hasValueSatisfying(
                p -> assertThat(p).startsWith("not allowed in a condition: an assignment"));
    }

    @Test
    void aPropertyPathCannotClimbToTheClassOrItsLoader() {
        // allowed by the reading (a property path), refused by the evaluation context
        assertThat(Conditions.problem("class.classLoader != null")).isEmpty();
        assertThatThrownBy(() -> Conditions.holds("class.classLoader != null", booking))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("Property or field 'class' cannot be found");
    }

    @Test
    void whatConditionsAreForIsStillAllowed() {
        for (String condition : new String[] {"type == 'UPSELL' || type == 'CROSS_SELL'",
                "!(product == 'BACKUP') or acv >= 10000.5", "acv between {10000, 20000} and currency != null",
                "product matches 'BACK.*' ? true : false", "(sourcedByRepId ?: 'none') == 'none'",
                "acv * 2 - 1000 > termMonths % 5 + 20000 / 4"}) {
            assertThat(Conditions.problem(condition)).as(condition).isEmpty();
            assertThat(Conditions.holds(condition, booking)).as(condition).isTrue();
        }
    }

    @Test
    void aCreditingFileWithAnAttemptStopsNamingTheFileAndTheRule() throws Exception {
        Path marker = work.resolve("marker");
        Files.writeString(work.resolve("crediting.yaml"), """
                rules:
                  - {id: owner, kind: PRIMARY}
                  - {id: sdr, kind: SOURCED, when: "T(java.lang.Runtime).getRuntime().exec('touch %s') != null"}
                """.formatted(marker));

        assertThatThrownBy(() -> new CreditingRulesFile(Conditions::problem).read(work))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("crediting.yaml: rules[1].when: not allowed in a condition: a type, T(...)");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aPlanWithAnAttemptStopsNamingTheFilePlanAndComponent() throws Exception {
        Path marker = work.resolve("marker");
        Files.writeString(work.resolve("p.yaml"), """
                plan: X
                version: 1
                effective_from: 2026-01-01
                currency: USD
                components:
                  - {id: a, metric: BOOKINGS_ACV, rate: 0.05, when: "new java.io.File('%s').createNewFile()"}
                """.formatted(marker));

        assertThatThrownBy(() -> new PlanLoader(Conditions::problem).load(work))
                .isInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((PlanValidationException) e).problems()).containsExactly(
                        "p.yaml: plan X: components[0].when: not allowed in a condition: a constructor, new ... "
                                + "(new java.io.File('" + marker + "')); a condition compares the "
                                + "transaction's properties with literals"));
        assertThat(marker).doesNotExist();
    }
}
