package io.compclose.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.expression.EvaluationException;

class ConditionsTests {

    /** A transaction as conditions see it. */
    record Deal(String type, String product, BigDecimal acv) {
    }

    private final Deal upsell = new Deal("UPSELL", "BACKUP", new BigDecimal("12000"));

    @Test
    void readsTheTransactionsProperties() {
        assertThat(Conditions.holds("type == 'UPSELL' || type == 'CROSS_SELL'", upsell)).isTrue();
        assertThat(Conditions.holds("type == 'CROSS_SELL' && product == 'BACKUP'", upsell)).isFalse();
        assertThat(Conditions.holds("acv > 10000", upsell)).isTrue();
        assertThat(Conditions.holds("type != 'RENEWAL'", upsell)).isTrue();
    }

    @Test
    void cannotReachTypesConstructorsBeansOrChangeAnything() {
        assertThatThrownBy(() -> Conditions.holds("T(java.lang.Runtime).getRuntime().exec('id') != null", upsell))
                .isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> Conditions.holds("new java.io.File('/etc/passwd').exists()", upsell))
                .isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> Conditions.holds("@dataSource != null", upsell))
                .isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> Conditions.holds("(type = 'NEW') == 'NEW'", upsell))
                .isInstanceOf(EvaluationException.class);
        assertThat(upsell.type()).isEqualTo("UPSELL");
    }

    @Test
    void namesSyntaxErrors() {
        assertThat(Conditions.problem("type == 'NEW'")).isEmpty();
        assertThat(Conditions.problem("type == ")).hasValue(
                "not a valid condition: EL1042E: Problem parsing right operand");
    }
}
