package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PaidPerUnitTests {

    @Test
    void aBandWrittenPerUnitSaysSoAndARateBandDoesNot() {
        assertThat(ComponentLine.paidPerUnit("0–20 at " + ComponentLine.perUnit(new BigDecimal("50.00")) + " + 20+ at "
                + ComponentLine.perUnit(new BigDecimal("75"))))
                .isTrue();
        assertThat(ComponentLine.paidPerUnit("0–1,000 at 1 % + 1,000–3,000 at 2 %")).isFalse();
        assertThat(ComponentLine.paidPerUnit("-")).isFalse();
        assertThat(ComponentLine.paidPerUnit(null)).isFalse();
    }
}
