package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The typed accessors: well-formed values parse, everything else is rejected naming the column. */
class CsvRowTests {

    private static CsvRow cell(String value) {
        return new CsvRow("f.csv", 2, Map.of("x", value), value, null);
    }

    @Test
    void wellFormedValuesParse() {
        assertThat(cell("2026-10").month("x")).isEqualTo(YearMonth.of(2026, 10));
        assertThat(cell("2026-02-28").date("x")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(cell("2028-02-29").date("x")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(cell("-12.50").decimal("x", 2)).isEqualByComparingTo(new BigDecimal("-12.5"));
        assertThat(cell("0").decimal("x", 2)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-1", "26-10", "2026/10", "2026-1x", "October"})
    void aMonthMustBeYyyyMm(String value) {
        assertThatThrownBy(() -> cell(value).month("x")).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("not a month YYYY-MM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2027-02-29", "2026-13-01", "2026-10-00", "2026-10-1", "10/05/2026",
            "2026-10-05T00:00"})
    void aDateMustBeARealYyyyMmDd(String value) {
        assertThatThrownBy(() -> cell(value).date("x")).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("not a date YYYY-MM-DD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,000", "1e5", ".5", "5.", "-", "+5", "1.2.3", "12 000", "NaN"})
    void aDecimalUsesAPointAndNoSeparators(String value) {
        assertThatThrownBy(() -> cell(value).decimal("x", 4)).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("not a decimal number");
    }

    @Test
    void anAmountOfMoreThanTwelveWholeDigitsIsRejectedBeforeItIsBuilt() {
        // 999,999,999,999 is the largest; leading zeros and decimals do not count
        assertThat(cell("-999999999999.99").decimal("x", 2)).isEqualByComparingTo(new BigDecimal("-999999999999.99"));
        assertThat(cell("0000000000000001.5").decimal("x", 2)).isEqualByComparingTo(new BigDecimal("1.5"));
        for (String absurd : new String[] {"1000000000000", "-1000000000000.00", "9".repeat(1 << 20)}) {
            assertThatThrownBy(() -> cell(absurd).decimal("x", 2)).isInstanceOf(RowRejectedException.class)
                    .hasMessage("more than 12 digits before the decimal point");
        }
        assertThatThrownBy(() -> cell("1." + "0".repeat(1 << 20)).decimal("x", 2))
                .hasMessage("more than 2 decimal places");
    }
}
