package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyFilterTests {

    @Test
    void neverSaysAbsentForAKeyItHolds() {
        KeyFilter filter = new KeyFilter(20, 7);
        for (int i = 0; i < 50_000; i++) {
            filter.add("U" + i);
        }
        for (int i = 0; i < 50_000; i++) {
            assertThat(filter.mightContain("U" + i)).as("U" + i).isTrue();
        }
    }

    @Test
    void rarelySaysMaybeForAKeyItDoesNotHold() {
        // 2^20 bits, 7 hashes, 50,000 keys: 21 bits a key, a false "maybe" about once in 10,000
        // (1 - e^(-7 * 50,000 / 1,048,576))^7 = 0.000096
        KeyFilter filter = new KeyFilter(20, 7);
        for (int i = 0; i < 50_000; i++) {
            filter.add("U" + i);
        }
        int falseMaybes = 0;
        for (int i = 50_000; i < 150_000; i++) {
            if (filter.mightContain("U" + i)) {
                falseMaybes++;
            }
        }
        assertThat(falseMaybes).isLessThan(50);
    }

    @Test
    void anEmptyFilterHoldsNothingAndItsSizeIsChecked() {
        assertThat(KeyFilter.standard().mightContain("B1")).isFalse();
        assertThatThrownBy(() -> new KeyFilter(40, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
