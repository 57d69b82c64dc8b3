package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class TabSeparatedTests {

    @Test
    void valuesAreWrittenAsLoadDataReadsThemByDefault() {
        StringBuilder text = new StringBuilder();

        TabSeparated.appendLine(text, "2026-10", null, new BigDecimal("1E+3"), new BigDecimal("0.000100"),
                LocalDate.of(2026, 10, 5), YearMonth.of(2026, 9), 42L, 12);

        // null is \N; a decimal is never in exponent form and keeps its scale; dates and months are ISO
        assertThat(text).hasToString("2026-10\t\\N\t1000\t0.000100\t2026-10-05\t2026-09\t42\t12\n");
    }

    @Test
    void theCharactersThatDelimitOrEscapeAreEscapedAndTheRestKept() {
        StringBuilder text = new StringBuilder();

        TabSeparated.appendLine(text, "a\tb", "line\nbreak\r", "back\\slash", "\\N", "nul\0", "quote \" , µs – Ü", "");

        assertThat(text).hasToString("a\\tb\tline\\nbreak\\r\tback\\\\slash\t\\\\N\tnul\\0\tquote \" , µs – Ü\t\n");
    }
}
